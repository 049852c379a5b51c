import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, PASSWORD, test, watcherRunning } from "./fixtures";

// `npm run screenshots` refreshes the README's pictures; a plain test run only checks the pages render.
const target = (name: string): string =>
  process.env.SCREENSHOTS === "update"
    ? join("docs", "screenshots", `${name}.png`)
    : join("test-results", "screenshots", `${name}.png`);

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: target(name), fullPage: true });
}

test.use({ viewport: { width: 960, height: 640 } });

test("screenshots of every page", async ({ page, signIn, user }) => {
  await page.goto("/");
  await expect(page.getByTestId("session-state")).toContainText("not signed in");
  await shoot(page, "home");

  await page.goto("/signup");
  await page.getByLabel("Email").fill("grace@example.com");
  await page.getByLabel("Password").fill("passwordpassword");
  await expect(page.getByTestId("password-strength")).toBeVisible();
  await shoot(page, "signup");

  await page.goto("/login?next=/private");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(PASSWORD.slice(0, 8));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await shoot(page, "login");

  await signIn();
  await page.goto("/private");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello Fixture User");
  await shoot(page, "private");

  await page.goto("/account");
  await expect(page.getByTestId("session-times")).toBeVisible();
  await shoot(page, "account");

  // The same account page in dark mode, and on a phone.
  await page.emulateMedia({ colorScheme: "dark" });
  await shoot(page, "account-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("session-times")).toBeVisible();
  await shoot(page, "account-phone");
  await page.setViewportSize({ width: 960, height: 640 });

  // The idle warning, as the page shows it a minute before the limit.
  await page.clock.install();
  await page.goto("/private");
  await watcherRunning(page);
  await page.clock.fastForward("29:15");
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await shoot(page, "idle-warning");
});
