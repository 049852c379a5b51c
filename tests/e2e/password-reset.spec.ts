import { join } from "node:path";
import type { Page } from "@playwright/test";
import { linkTo, type ReceivedMail, waitForMail } from "../support/smtp";
import { axeViolations } from "./axe";
import { expect, logIn, test } from "./fixtures";

// Issue 12 §3 in Chromium: forgot password → the link from the real SMTP server → a new password → sign in.
// The servers send to the harness of playwright.config.ts, which spools into E2E_DIR/mail.
const NEW_PASSWORD = "harbor violet quantum meadow";
const mailDir = join(process.env.E2E_DIR ?? "", "mail");
const isReset = (mail: ReceivedMail): boolean => mail.subject.startsWith("Reset your password");

async function askForLink(page: Page, email: string): Promise<URL> {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account uses this address" })).toBeVisible();
  return linkTo(await waitForMail(mailDir, email, { matching: isReset }), "/reset-password");
}

async function resetAndSignIn(page: Page, email: string): Promise<void> {
  const link = await askForLink(page, email);
  await page.goto(link.href);
  // The token left the address bar (and so the history) before the page was shown.
  await expect(page).toHaveURL(/\/reset-password$/);
  await expect(page.getByText(email)).toBeVisible();
  await page.getByLabel("New password").fill("password123");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.locator("#newPassword-error")).toBeVisible();
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page).toHaveURL(/\/login\?reason=password-reset$/);
  await expect(page.getByTestId("logout-reason")).toContainText("Your password was changed");
  await logIn(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/private$/);
}

test("forgot password, follow the emailed link, choose a new password, sign in with it", {
  tag: "@both-engines",
}, async ({ page, user }) => {
  await resetAndSignIn(page, user.email);
  // The link worked once.
  await page.context().clearCookies();
  await page.goto("/reset-password");
  await expect(page.getByRole("alert").filter({ hasText: "does not work any more" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the same flow works", async ({ page, user }) => {
    await resetAndSignIn(page, user.email);
  });
});

test("the forgot and reset pages have no axe violations", async ({ page, user }) => {
  test.setTimeout(120_000);
  const found: string[] = [];
  await page.goto("/forgot-password");
  found.push(...(await axeViolations(page, "forgot password")));
  const link = await askForLink(page, user.email);
  found.push(...(await axeViolations(page, "forgot password, link sent")));
  await page.goto(link.href);
  await page.getByLabel("New password").fill("password123");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.locator("#newPassword-error")).toBeVisible();
  found.push(...(await axeViolations(page, "reset password, weak password")));
  await page.context().clearCookies();
  await page.goto("/reset-password");
  found.push(...(await axeViolations(page, "reset password, dead link")));
  expect(found).toEqual([]);
});
