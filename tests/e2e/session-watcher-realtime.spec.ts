import type { Page } from "@playwright/test";
import { expect, logIn, test, watcherRunning } from "./fixtures";

// The "realtime" project's server (playwright.config.ts): idle 8 s, warning 3 s, absolute 60 s, and no
// Playwright clock: the browser's cookie jar ages for real, as it does for a person. Every wait is a
// generous poll for the outcome, never an exact time.
const IDLE_MS = 8_000;
const MAX_AGE_MS = 60_000;
const OUTCOME = { timeout: 20_000 };

test.setTimeout(60_000);

async function openPrivate(page: Page): Promise<void> {
  await page.goto("/private");
  await expect(page.getByTestId("secret-content")).toBeVisible();
  await watcherRunning(page);
}

test("idle in real time: the warning, then the login page says the session ended after inactivity", async ({
  page,
  user,
}) => {
  // Signed in through the form, so the browser holds the cookie exactly as the server set it.
  await page.goto("/login?next=%2Fprivate");
  await logIn(page, user.email);
  await expect(page.getByTestId("secret-content")).toBeVisible();
  await watcherRunning(page);

  await expect(page.getByRole("alertdialog")).toBeVisible({ timeout: IDLE_MS + 5_000 });
  await expect(page).toHaveURL(/\/login\?reason=expired&next=%2Fprivate$/, OUTCOME);
  await expect(page.getByTestId("logout-reason")).toContainText("after a period of inactivity");
  await expect(page.getByTestId("secret-content")).toHaveCount(0);

  // The server saw the expiry too: Recent activity lists it (the row is written off the request).
  await logIn(page, user.email);
  await expect(page.getByTestId("secret-content")).toBeVisible();
  await expect(async () => {
    await page.goto("/account");
    await expect(page.getByText("Session expired")).toBeVisible({ timeout: 1_000 });
  }).toPass(OUTCOME);
});

test("the absolute limit in real time: the login page says the session reached its time limit", async ({
  page,
  signIn,
}) => {
  await signIn({ ageMs: MAX_AGE_MS - 7_000 }); // 7 s of the lifetime left, before the 8 s idle limit
  await openPrivate(page);
  await expect(page).toHaveURL(/\/login\?reason=ended&next=%2Fprivate$/, OUTCOME);
  await expect(page.getByTestId("logout-reason")).toContainText("time limit");
});

test("two tabs in real time: signing out in one tells the other it signed out in another tab", async ({
  context,
  page,
  user,
}) => {
  await page.goto("/login?next=%2Fprivate");
  await logIn(page, user.email);
  await expect(page.getByTestId("secret-content")).toBeVisible();
  const second = await context.newPage();
  await openPrivate(second);
  await watcherRunning(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/, OUTCOME);
  await expect(second).toHaveURL(/\/login\?reason=signed-out-elsewhere&next=%2Fprivate$/, OUTCOME);
  await expect(second.getByTestId("logout-reason")).toHaveText("You signed out in another tab.");
});
