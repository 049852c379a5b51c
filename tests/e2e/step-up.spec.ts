import type { Browser, Page } from "@playwright/test";
import { expect, logIn, PASSWORD, test, uniqueEmail } from "./fixtures";

// This project's server runs with SESSION_STEP_UP_WINDOW=3s (playwright.config.ts): real time runs it out.
const WINDOW_MS = 3_000;

/** Signs a new user up through the form; returns when that confirmation stops counting. */
async function signUp(page: Page, email: string): Promise<number> {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  // Generous: the first sign-up on a cold server loads the password dictionaries.
  await expect(page).toHaveURL(/\/private$/, { timeout: 20_000 });
  return Date.now() + WINDOW_MS;
}

/** The same user signed in in another browser. */
async function elsewhere(browser: Browser, baseURL: string | undefined, email: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto("/login");
  await logIn(page, email);
  await expect(page).toHaveURL(/\/private$/);
  return { context, page };
}

/** The step-up window is a limit in time: this waits it out, as its owner would. */
async function pastWindow(page: Page, staleAt: number): Promise<void> {
  await page.waitForTimeout(Math.max(0, staleAt - Date.now()) + 500);
}

test.describe("with JavaScript", () => {
  // Chromium logs the refusals the page answers with a prompt: the 403 that opens it, the 400 of a wrong password.
  test.use({ expectedConsoleErrors: [/status of 40[03]/] });

  test("past the step-up window, 'Sign out everywhere else' asks for the password in a dialog, then goes on", async ({
    page,
    browser,
    baseURL,
  }) => {
    const email = uniqueEmail("stepup");
    const staleAt = await signUp(page, email);
    const other = await elsewhere(browser, baseURL, email);
    await page.goto("/account");
    await pastWindow(page, staleAt);

    await page.getByRole("button", { name: "Sign out everywhere else" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm your password" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Password")).toBeFocused();
    await dialog.getByLabel("Password").fill("not my password at all");
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("That is not your password.");
    await expect(page).toHaveURL(/\/account$/);

    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(page).toHaveURL(/\/account\?done=revoked-others$/);
    await expect(page.getByRole("status").filter({ hasText: "other sessions were signed out" })).toBeVisible();
    await other.page.goto("/private");
    await expect(other.page).toHaveURL(/\/login\?next=%2Fprivate&reason=revoked$/);
    await other.context.close();
  });

  test("past the step-up window, a password change asks for the password, then changes it as typed", async ({
    page,
  }) => {
    const email = uniqueEmail("stepup-change");
    const staleAt = await signUp(page, email);
    await page.goto("/account");
    await pastWindow(page, staleAt);

    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password").fill("marble harbor violin cactus meadow");
    await page.getByRole("button", { name: "Change password" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm your password" });
    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByText("Password changed. Your other sessions were signed out.")).toBeVisible();
    await expect(dialog).toBeHidden();
    const signIn = await page.request.post("/api/sessions", {
      data: { email, password: "marble harbor violin cactus meadow" },
    });
    expect(signIn.status()).toBe(200);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("past the step-up window, 'Sign out everywhere else' is a password step, then goes on", async ({
    page,
    browser,
    baseURL,
  }) => {
    const email = uniqueEmail("stepup-nojs");
    const staleAt = await signUp(page, email);
    const other = await elsewhere(browser, baseURL, email, false);
    await page.goto("/account");
    await pastWindow(page, staleAt);

    await page.getByRole("button", { name: "Sign out everywhere else" }).click();
    await expect(page).toHaveURL(/\/account\?confirm=revoke-others$/);
    const step = page.getByRole("region", { name: "Confirm your password" });
    await step.getByLabel("Password").fill("not my password at all");
    await step.getByRole("button", { name: "Confirm and continue" }).click();
    await expect(step.getByText("That is not your password.")).toBeVisible();
    expect(await page.content()).not.toContain("not my password at all");

    await step.getByLabel("Password").fill(PASSWORD);
    await step.getByRole("button", { name: "Confirm and continue" }).click();
    await expect(page).toHaveURL(/\/account\?done=revoked-others$/);
    await expect(page.getByRole("status").filter({ hasText: "other sessions were signed out" })).toBeVisible();
    await other.page.goto("/private");
    await expect(other.page).toHaveURL(/\/login\?next=%2Fprivate&reason=revoked$/);
    await other.context.close();
  });
});
