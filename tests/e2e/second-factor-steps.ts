import type { Page } from "@playwright/test";
import { codeAt } from "../support/second-factor";
import { axeViolations } from "./axe";
import { expect, PASSWORD } from "./fixtures";

/** Axe findings of each two-step state passed through, when a list is given (accessibility.spec.ts). */
type Found = string[] | undefined;

/** Sets up the authenticator app on the account page; returns the key and the recovery codes shown. */
export async function enrolOnAccountPage(page: Page, found?: Found): Promise<{ secret: string; codes: string[] }> {
  await page.goto("/account");
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code of your authenticator key" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  if (found) found.push(...(await axeViolations(page, "account, authenticator set-up")));
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.getByText("That code is not right.")).toBeVisible();
  if (found) found.push(...(await axeViolations(page, "account, set-up wrong code")));
  await page.getByLabel("Code from the app").fill(codeAt(secret));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  const list = page.getByTestId("recovery-codes");
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = await list.getByRole("listitem").allTextContents();
  await expect(page.getByTestId("second-factor-on")).toBeVisible();
  if (found) found.push(...(await axeViolations(page, "account, recovery codes shown")));
  return { secret, codes };
}

export async function passwordStep(page: Page, email: string, found?: Found, noScript = false): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Without scripts (axe.ts), the page stays at the URL it posted from: route.fetch follows the redirect.
  if (!noScript) await expect(page).toHaveURL(/\/login\/second-factor\?next=%2Fprivate$/);
  await expect(page.getByRole("heading", { name: "Two-step sign-in" })).toBeVisible();
  if (found) found.push(...(await axeViolations(page, "login, second step")));
}
