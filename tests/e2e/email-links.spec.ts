import { join } from "node:path";
import type { Page } from "@playwright/test";
import { linkTo, waitForMail } from "../support/smtp";
import { expect, logIn, PASSWORD, test, uniqueEmail } from "./fixtures";

// Issue 12 §2 and §4 in Chromium, the links read out of the real messages the SMTP harness received.
const spoolDir = (): string => join(process.env.E2E_DIR ?? "", "mail");

async function signUp(page: Page, email: string): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/private$/, { timeout: 20_000 });
}

async function linkIn(to: string, subject: string, path: string): Promise<string> {
  const mail = await waitForMail(spoolDir(), to, { matching: (m) => m.subject.includes(subject), timeoutMs: 25_000 });
  return linkTo(mail, path).href;
}

test("sign up, then verify the address from the real message", { tag: "@both-engines" }, async ({ page }) => {
  test.setTimeout(60_000);
  const email = uniqueEmail("verify");
  await signUp(page, email);
  await expect(page.getByTestId("verify-banner")).toBeVisible();
  await page.goto(await linkIn(email, "Confirm your email address", "/verify-email"));
  await expect(page).toHaveURL(/\/email-link\?result=verified$/);
  await expect(page.getByRole("heading", { name: "Address confirmed" })).toBeVisible();
  await page.goto("/private");
  await expect(page.getByRole("heading", { name: /Hello/ })).toBeVisible();
  await expect(page.getByTestId("verify-banner")).toHaveCount(0);
});

test("change the email address, confirm it, sign in with the new one", { tag: "@both-engines" }, async ({ page }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("change");
  const newEmail = uniqueEmail("changed");
  await signUp(page, email);
  await page.goto("/account");
  await page.getByLabel("New email address").fill(newEmail);
  await page.getByRole("button", { name: "Change email address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "confirmation link" })).toBeVisible();
  await expect(page.getByTestId("current-email")).toContainText(email);

  await page.goto(await linkIn(newEmail, "Confirm your new email address", "/confirm-email"));
  await expect(page).toHaveURL(/\/account\?done=email-changed$/);
  await expect(page.getByTestId("current-email")).toContainText(newEmail);
  await expect(page.getByTestId("current-email")).toContainText("confirmed");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await logIn(page, email);
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await logIn(page, newEmail);
  await expect(page).toHaveURL(/\/private$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the email change form and Resend work as plain forms", async ({ page }) => {
    test.setTimeout(90_000);
    const email = uniqueEmail("nojs");
    const newEmail = uniqueEmail("nojs-new");
    await signUp(page, email);
    await page.getByRole("button", { name: "Resend the link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "on its way" })).toBeVisible();
    await page.goto("/account");
    await page.getByLabel("New email address").fill(newEmail);
    await page.getByRole("button", { name: "Change email address" }).click();
    await expect(page.getByRole("status").filter({ hasText: "confirmation link" })).toBeVisible();
    await page.goto(await linkIn(newEmail, "Confirm your new email address", "/confirm-email"));
    await expect(page).toHaveURL(/\/account\?done=email-changed$/);
    await expect(page.getByTestId("current-email")).toContainText(newEmail);
  });
});
