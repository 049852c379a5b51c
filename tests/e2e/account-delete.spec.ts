import type { Page } from "@playwright/test";
import { PRODUCTION_COOKIE_NAME } from "@/lib/session/session-options";
import { expect, logIn, PASSWORD, test } from "./fixtures";

// Past the 10-minute step-up window of this project's server, so the deletion asks for the password again.
const STALE = { ageMs: 11 * 60_000 };
const DELETED = /\/login\?reason=account-deleted$/;

/** Opens the "Delete account" disclosure and submits `password`. */
async function deleteWith(page: Page, password: string): Promise<void> {
  const section = page.getByRole("region", { name: "Delete account" });
  if (!(await section.getByLabel("Your password").isVisible())) await section.getByText("Delete account…").click();
  await section.getByLabel("Your password").fill(password);
  await section.getByRole("button", { name: "Yes, delete my account" }).click();
}

/** This browser's cookie was cleared, and the account is gone: its password no longer signs in. */
async function expectGone(page: Page, email: string): Promise<void> {
  await expect(page.getByTestId("logout-reason")).toHaveText(/Your account was deleted/);
  const cookies = await page.context().cookies();
  expect(cookies.map((cookie) => cookie.name)).not.toContain(PRODUCTION_COOKIE_NAME);
  const signIn = await page.request.post("/api/sessions", { data: { email, password: PASSWORD } });
  expect(signIn.status()).toBe(401);
}

test.describe("with JavaScript", () => {
  // Chromium logs the refusals the page answers: the 400 of a wrong password, the 403 that opens the prompt.
  test.use({ expectedConsoleErrors: [/status of 40[03]/] });

  test("delete account through the confirmation: a wrong password is refused, then the login page says so", {
    tag: "@both-engines",
  }, async ({ page, browser, baseURL, signIn, user }) => {
    await signIn();
    const elsewhere = await browser.newContext({ baseURL });
    const other = await elsewhere.newPage();
    await other.goto("/login");
    await logIn(other, user.email);
    await expect(other).toHaveURL(/\/private$/);

    await page.goto("/account");
    const section = page.getByRole("region", { name: "Delete account" });
    // The confirmation step: nothing to press until the disclosure is opened.
    await expect(section.getByRole("button", { name: "Yes, delete my account" })).toBeHidden();
    await deleteWith(page, "not my password at all");
    await expect(section.getByText("That is not your password.")).toBeVisible();
    await expect(page).toHaveURL(/\/account$/);

    await section.getByLabel("Your password").fill(PASSWORD);
    await section.getByRole("button", { name: "Yes, delete my account" }).click();
    await expect(page).toHaveURL(DELETED);
    await expectGone(page, user.email);
    await other.goto("/private");
    await expect(other).toHaveURL(/\/login\?next=%2Fprivate&reason=removed$/);
    await elsewhere.close();
  });

  test("past the step-up window the password dialog appears, then the deletion carries on", {
    tag: "@both-engines",
  }, async ({ page, signIn, user }) => {
    await signIn(STALE);
    await page.goto("/account");
    await deleteWith(page, PASSWORD);
    const dialog = page.getByRole("dialog", { name: "Confirm your password" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(page).toHaveURL(DELETED);
    await expectGone(page, user.email);
  });

  test("cancelling the dialog deletes nothing", { tag: "@both-engines" }, async ({ page, signIn, user }) => {
    await signIn(STALE);
    await page.goto("/account");
    await deleteWith(page, PASSWORD);
    const dialog = page.getByRole("dialog", { name: "Confirm your password" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await page.goto("/private");
    await expect(page.getByTestId("secret-content")).toBeVisible();
    const signIn2 = await page.request.post("/api/sessions", { data: { email: user.email, password: PASSWORD } });
    expect(signIn2.status()).toBe(200);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the disclosure and the password work as a form; a wrong password is shown next to the field", {
    tag: "@both-engines",
  }, async ({ page, signIn, user }) => {
    await signIn();
    await page.goto("/account");
    await deleteWith(page, "not my password at all");
    await expect(page.getByText("That is not your password.")).toBeVisible();
    expect(await page.content()).not.toContain("not my password at all");
    await deleteWith(page, PASSWORD);
    await expect(page).toHaveURL(DELETED);
    await expectGone(page, user.email);
  });

  test("past the step-up window it is a password step, which deletes once confirmed", { tag: "@both-engines" }, async ({
    page,
    signIn,
    user,
  }) => {
    await signIn(STALE);
    await page.goto("/account");
    await deleteWith(page, PASSWORD);
    await expect(page).toHaveURL(/\/account\?confirm=delete-account$/);
    const step = page.getByRole("region", { name: "Confirm your password" });
    await expect(step).toContainText("delete your account");
    await step.getByLabel("Password").fill(PASSWORD);
    await step.getByRole("button", { name: "Confirm and continue" }).click();
    await expect(page).toHaveURL(DELETED);
    await expectGone(page, user.email);
  });
});
