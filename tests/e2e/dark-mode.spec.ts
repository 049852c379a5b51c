import type { Locator } from "@playwright/test";
import { expect, test, watcherRunning } from "./fixtures";
import { backgroundRgb } from "./layout";

// With `prefers-color-scheme: dark`, pages, cards, fields, the meter and the dialogs are dark; contrast
// itself is axe's job (tests/e2e/accessibility.spec.ts).
test.use({ colorScheme: "dark" });

async function isDark(locator: Locator): Promise<boolean> {
  const [r, g, b] = await backgroundRgb(locator);
  return Math.max(r, g, b) < 100;
}

test("pages, forms and the meter follow the dark colour scheme", async ({ page }) => {
  await page.goto("/signup");
  expect(await isDark(page.locator("body")), "page").toBe(true);
  expect(await isDark(page.locator("header")), "header").toBe(true);
  expect(await isDark(page.getByLabel("Email")), "field").toBe(true);
  await page.getByLabel("Password").fill("correct horse");
  await expect(page.getByTestId("password-strength")).toBeVisible();
  const emptySegment = page.getByTestId("password-strength").locator("span").last();
  expect(await isDark(emptySegment), "meter's empty segment").toBe(true);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").or(page.locator("#email-error")).first()).toBeVisible();
});

test("the account's cards and the idle dialog are dark", async ({ page, signIn }) => {
  await signIn();
  await page.goto("/account");
  expect(await isDark(page.locator("section").first()), "card").toBe(true);
  await page.clock.install();
  await page.goto("/private");
  await watcherRunning(page);
  await page.clock.fastForward("29:15");
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  expect(await isDark(dialog), "dialog").toBe(true);
});
