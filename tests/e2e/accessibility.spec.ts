import type { Page } from "@playwright/test";
import { axeViolations, withoutPageScripts } from "./axe";
import { expect, logIn, test, uniqueEmail, watcherRunning } from "./fixtures";
import { enrolOnAccountPage, passwordStep } from "./second-factor-steps";

// Every page and state, checked by axe-core in light and dark, at desktop and phone widths (tests/e2e/axe.ts).
// Each test walks one signed-in (or signed-out) context through its states and fails once, listing them all.
test.describe.configure({ mode: "parallel", timeout: 180_000 });
// The 404 page is among them, and the delete form's wrong password (a 400): Chromium logs their status.
test.use({ expectedConsoleErrors: [/status of 40[04]/] });

const REASONS = [
  "expired",
  "ended",
  "signed-out",
  "signed-out-everywhere",
  "revoked",
  "removed",
  "signed-out-elsewhere",
  "account-deleted",
  "password-reset",
  "second-factor-expired",
];

async function visit(page: Page, path: string, found: string[], state = path): Promise<void> {
  await page.goto(path);
  await expect(page.locator("h1"), state).toBeVisible();
  found.push(...(await axeViolations(page, state)));
}

async function formErrors(page: Page, found: string[]): Promise<void> {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toBeVisible();
  found.push(...(await axeViolations(page, "login, empty submit")));
  await page.getByLabel("Email").fill(uniqueEmail("axe"));
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  found.push(...(await axeViolations(page, "login, wrong password")));

  await page.goto("/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toBeVisible();
  found.push(...(await axeViolations(page, "signup, empty submit")));
  await page.getByLabel("Email").fill(uniqueEmail("axe"));
  await page.getByLabel("Password").fill("passwordpassword");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#password-error")).toBeVisible();
  found.push(...(await axeViolations(page, "signup, guessable password")));
}

test("every login reason", async ({ page }) => {
  const found: string[] = [];
  for (const reason of REASONS) await visit(page, `/login?reason=${reason}`, found);
  expect(found).toEqual([]);
});

test("signed-out pages and the 404", async ({ page }) => {
  const found: string[] = [];
  const emailPages = ["/check-email?signed-up=1", "/email-link?result=verified", "/email-link?result=invalid"];
  const signedOut = ["/", "/signup", "/login", "/login?next=%2Fprivate", "/forgot-password", "/does-not-exist"];
  for (const path of [...signedOut, ...emailPages]) {
    await visit(page, path, found);
  }
  await page.goto("/signup");
  await page.getByLabel("Password").fill("correct horse");
  await expect(page.getByTestId("password-strength")).toBeVisible();
  found.push(...(await axeViolations(page, "signup, strength meter")));
  expect(found).toEqual([]);
});

test("form error states", async ({ page }) => {
  const found: string[] = [];
  await formErrors(page, found);
  expect(found).toEqual([]);
});

test("signed-in pages", async ({ page, signIn }) => {
  await signIn();
  const found: string[] = [];
  // The fixture user is unverified: every App Router page shows the "confirm your email address" banner.
  const emailStates = ["/check-email", "/account?done=email-changed", "/account?confirm=change-email"];
  for (const path of [
    "/",
    "/private",
    "/account",
    "/account?done=revoked-others",
    "/account?done=name-saved",
    "/pages-router/private",
    ...emailStates,
  ]) {
    await visit(page, path, found);
  }
  await visit(page, "/does-not-exist", found, "404 signed in");
  await page.goto("/account");
  await page.getByText("Sign out everywhere…").click();
  found.push(...(await axeViolations(page, "account, sign out everywhere confirmation")));
  await page.getByLabel("New password").fill("correct horse");
  await expect(page.getByTestId("password-strength")).toBeVisible();
  found.push(...(await axeViolations(page, "account, strength meter")));
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password").fill("marble harbor violin cactus meadow");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  found.push(...(await axeViolations(page, "account, change password error")));
  await page.getByLabel("Display name").fill("Ada\u200BLovelace");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.locator("#name-error")).toBeVisible();
  found.push(...(await axeViolations(page, "account, name error")));
  await page.getByText("Delete account…").click();
  found.push(...(await axeViolations(page, "account, delete account confirmation")));
  await page.getByLabel("Your password", { exact: true }).fill("not my password at all");
  await page.getByRole("button", { name: "Yes, delete my account" }).click();
  await expect(page.getByText("That is not your password.")).toBeVisible();
  found.push(...(await axeViolations(page, "account, delete account wrong password")));
  expect(found).toEqual([]);
});

test("two-step sign-in states", async ({ page, signIn, user }) => {
  await signIn();
  const found: string[] = [];
  await visit(page, "/account", found, "account, two-step sign-in off");
  await enrolOnAccountPage(page, found);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await passwordStep(page, user.email, found);
  await page.getByLabel("Code from your authenticator app").fill("123456");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That code is not right, or was used already.")).toBeVisible();
  found.push(...(await axeViolations(page, "login, second step wrong code")));
  await page.getByText("Lost your phone? Use a recovery code").click();
  found.push(...(await axeViolations(page, "login, second step recovery code")));
  await page.context().clearCookies();
  await visit(page, "/login/second-factor", found, "login, second step expired");
  expect(found).toEqual([]);
});

test("account, device list (two devices, then one signed out)", async ({ page, browser, baseURL, user }) => {
  // Signed in through the form (a sealed fixture cookie records no device), and from a second browser.
  const found: string[] = [];
  await page.goto("/login?next=%2Faccount");
  await logIn(page, user.email);
  await expect(page).toHaveURL(/\/account$/);
  const elsewhere = await browser.newContext({ baseURL });
  const other = await elsewhere.newPage();
  await other.goto("/login");
  await logIn(other, user.email);
  await expect(other).toHaveURL(/\/private$/);
  await page.reload();
  await expect(page.getByTestId("device")).toHaveCount(2);
  found.push(...(await axeViolations(page, "account, device list")));
  await page.getByTestId("device").first().getByRole("button").click();
  await expect(page.getByRole("status").filter({ hasText: "That device was signed out." })).toBeVisible();
  found.push(...(await axeViolations(page, "account, device signed out")));
  await elsewhere.close();
  expect(found).toEqual([]);
});

test.describe("the admin area", () => {
  test.use({ expectedConsoleErrors: [/status of 403/] });

  // The admin page's own states are checked in admin.spec.ts, whose tests run serially (they make admins).
  // "Two-step sign-in needed" (ADMIN_REQUIRE_SECOND_FACTOR on) is checked in admin-second-factor.spec.ts, on the
  // step-up project's server, the one with that rule on.
  test("the 403 page for a signed-in user who is not an admin", async ({ page, signIn }) => {
    await signIn();
    const found: string[] = [];
    await visit(page, "/admin", found, "admin, 403 page");
    expect(found).toEqual([]);
  });
});

test.describe("dialogs", () => {
  // Chromium logs the 403 that opens the password prompt.
  test.use({ expectedConsoleErrors: [/status of 40[034]/] });

  test("the idle warning and the step-up prompt", async ({ page, signIn }) => {
    // Past the step-up window (10 minutes by default), so the account's actions ask for the password.
    await signIn({ ageMs: 11 * 60_000 });
    const found: string[] = [];
    await page.goto("/account");
    await page.getByRole("button", { name: "Sign out everywhere else" }).click();
    await expect(page.getByRole("dialog", { name: "Confirm your password" })).toBeVisible();
    found.push(...(await axeViolations(page, "step-up dialog")));
    await page.getByRole("dialog").getByLabel("Password").fill("not my password at all");
    await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("dialog").getByRole("alert")).toBeVisible();
    found.push(...(await axeViolations(page, "step-up dialog, wrong password")));

    await page.clock.install();
    await page.goto("/private");
    await watcherRunning(page);
    await page.clock.fastForward("29:15");
    await expect(page.getByRole("alertdialog")).toBeVisible();
    found.push(...(await axeViolations(page, "idle warning dialog")));
    expect(found).toEqual([]);
  });
});

test.describe("without JavaScript", () => {
  test("pages and form errors", async ({ page, signIn }) => {
    await withoutPageScripts(page);
    const found: string[] = [];
    for (const path of ["/", "/signup", "/login?reason=signed-out", "/does-not-exist"]) await visit(page, path, found);
    await formErrors(page, found);
    await signIn({ ageMs: 11 * 60_000 });
    for (const path of [
      "/private",
      "/account",
      "/account?confirm=sign-out-everywhere",
      "/account?confirm=delete-account",
      "/pages-router/private",
    ]) {
      await visit(page, path, found);
    }
    await page.goto("/account?confirm=change-password");
    await page.getByRole("button", { name: "Confirm and continue" }).click();
    await expect(page.locator("#password-error")).toBeVisible();
    found.push(...(await axeViolations(page, "confirm step, empty submit")));
    expect(found).toEqual([]);
  });
});
