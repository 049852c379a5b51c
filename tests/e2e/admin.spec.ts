import type { Browser, Page } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password-hash";
import type { Db } from "@/lib/db/database";
import type { UserRecord } from "@/lib/users/user";
import { createUser } from "@/lib/users/user-repository";
import { axeViolations, withoutPageScripts } from "./axe";
import { expect, logIn, PASSWORD, test, uniqueEmail } from "./fixtures";
import { fitsViewport, onOneLine } from "./layout";

// Issue 11 §4 and §7 in the browser. Serial: "the last admin" is a property of the whole users table, which
// these tests change (no other spec makes admins; the admin states' axe checks are here for that reason,
// the 403 page's in accessibility.spec.ts).
test.describe.configure({ mode: "serial" });
// Chromium logs the 403 page, the 403 that opens the password prompt and the 409 of the last-admin rule.
test.use({ expectedConsoleErrors: [/status of 40[39]/] });

async function makeAdmin(db: Db, user: UserRecord, isAdmin = true): Promise<void> {
  await db.updateTable("users").set({ isAdmin }).where("id", "=", user.id).execute();
}

async function newUser(db: Db, label: string): Promise<UserRecord> {
  const created = await createUser(db, {
    email: uniqueEmail(label),
    name: null,
    passwordHash: await hashPassword(PASSWORD),
  });
  if (!created.ok) throw new Error("could not create the user");
  return created.user;
}

/** `user` signed in through the login form in a browser context of its own (another device). */
async function elsewhere(browser: Browser, baseURL: string | undefined, user: UserRecord): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/login");
  await logIn(page, user.email);
  await expect(page).toHaveURL(/\/private$/);
  return page;
}

/** Opens the confirmation step of `button` for the user with this email, from the searched list. */
async function confirmStep(page: Page, email: string, button: string): Promise<void> {
  await page.goto("/admin");
  await page.getByLabel("Search by email or name").fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  const card = page.getByTestId("admin-user").filter({ hasText: email });
  await expect(card).toHaveCount(1);
  await card.getByRole("link", { name: button, exact: true }).click();
  await expect(page.getByTestId("admin-confirm")).toBeVisible();
}

test("a normal user gets the 403 page and no Admin link", async ({ page, signIn }) => {
  await signIn();
  await page.goto("/account");
  await expect(page.getByTestId("site-nav").getByRole("link", { name: "Admin" })).toHaveCount(0);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
});

test("an admin disables a user: the user's open page lands on the login page, revoked", {
  tag: "@both-engines",
}, async ({ page, browser, baseURL, signIn, user, db }) => {
  await makeAdmin(db, user);
  await signIn();
  const victim = await newUser(db, "victim");
  const victimPage = await elsewhere(browser, baseURL, victim);
  await victimPage.goto("/account");

  await page.goto("/account");
  await page.getByTestId("site-nav").getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await confirmStep(page, victim.email, "Disable");
  await expect(page.getByTestId("admin-confirm")).toContainText("Every session of theirs ends now");
  await page.getByRole("button", { name: "Yes, disable" }).click();
  await expect(page.getByTestId("admin-notice")).toContainText(`${victim.email} is disabled`);
  await expect(page.getByTestId("admin-user").filter({ hasText: victim.email })).toContainText("Disabled");

  // The victim comes back to their tab: the watcher asks the server, which refuses the session.
  await victimPage.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(victimPage).toHaveURL(/\/login\?.*reason=revoked/);
  await logIn(victimPage, victim.email);
  await expect(victimPage.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await victimPage.context().close();
});

test("grant and revoke admin; revoking is refused for the last admin, and the page says why", {
  tag: "@both-engines",
}, async ({ page, browser, baseURL, signIn, user, db }) => {
  // This user becomes the only active admin in the database.
  await db.updateTable("users").set({ isAdmin: false }).execute();
  await makeAdmin(db, user);
  await signIn();
  const other = await newUser(db, "promoted");
  const otherPage = await elsewhere(browser, baseURL, other);

  await confirmStep(page, user.email, "Revoke admin");
  await page.getByRole("button", { name: "Yes, revoke admin" }).click();
  await expect(page.getByTestId("admin-confirm").getByRole("alert")).toContainText("last active admin");

  await confirmStep(page, other.email, "Make admin");
  await page.getByRole("button", { name: "Yes, make admin" }).click();
  await expect(page.getByTestId("admin-notice")).toContainText(`${other.email} is now an admin`);
  await otherPage.goto("/admin");
  await expect(otherPage.getByRole("heading", { level: 1 })).toHaveText("Users");

  await confirmStep(page, other.email, "Revoke admin");
  await page.getByRole("button", { name: "Yes, revoke admin" }).click();
  await expect(page.getByTestId("admin-notice")).toContainText(`${other.email} is no longer an admin`);
  await otherPage.reload();
  await expect(otherPage.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  await otherPage.context().close();
});

test("past the step-up window the password dialog opens, then the action carries on", async ({
  page,
  signIn,
  user,
  db,
}) => {
  await makeAdmin(db, user);
  await signIn({ ageMs: 20 * 60_000 });
  const target = await newUser(db, "stepped");
  await confirmStep(page, target.email, "Sign out everywhere");
  await page.getByRole("button", { name: "Yes, sign out everywhere" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm your password" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Password").fill(PASSWORD);
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("admin-notice")).toContainText(`${target.email} was signed out everywhere`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("search, the confirmation step, the password step, then the action", async ({ page, signIn, user, db }) => {
    await makeAdmin(db, user);
    await signIn({ ageMs: 20 * 60_000 });
    const target = await newUser(db, "nojs");
    await confirmStep(page, target.email, "Delete");
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page).toHaveURL(/password=needed/);
    await page.getByLabel("Your password", { exact: true }).fill("not my password at all");
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page).toHaveURL(/password=wrong/);
    await expect(page.getByText("That is not your password.")).toBeVisible();
    await page.getByLabel("Your password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page.getByTestId("admin-notice")).toContainText("was deleted");
    await expect(page.getByTestId("admin-user").filter({ hasText: target.email })).toHaveCount(0);
  });
});

test("the admin page's states have no axe violations, light and dark, desktop and phone", async ({
  page,
  signIn,
  user,
  db,
}) => {
  test.setTimeout(180_000);
  await makeAdmin(db, user);
  await signIn({ ageMs: 20 * 60_000 });
  const target = await newUser(db, "axe-admin");
  const found: string[] = [];
  const states = [
    "/admin",
    `/admin?query=${encodeURIComponent(target.email)}`,
    `/admin?user=${target.id}&confirm=delete`,
    `/admin?user=${target.id}&confirm=disable&password=wrong`,
    `/admin?user=${user.id}&error=last_admin`,
    `/admin?user=${target.id}&done=grant`,
    "/admin?query=no-such-user-anywhere",
  ];
  for (const path of states) {
    await page.goto(path);
    await expect(page.locator("h1")).toBeVisible();
    found.push(...(await axeViolations(page, path)));
  }
  await confirmStep(page, target.email, "Sign out everywhere");
  await page.getByRole("button", { name: "Yes, sign out everywhere" }).click();
  await expect(page.getByRole("dialog", { name: "Confirm your password" })).toBeVisible();
  found.push(...(await axeViolations(page, "admin, step-up dialog")));
  await withoutPageScripts(page);
  await page.goto(`/admin?user=${target.id}&confirm=delete&password=needed`);
  found.push(...(await axeViolations(page, "admin, password step without JavaScript")));
  expect(found).toEqual([]);
});

test("on a phone the header with its Admin link is one line and the admin page does not scroll sideways", async ({
  page,
  signIn,
  user,
  db,
}) => {
  await makeAdmin(db, user);
  await signIn();
  await page.setViewportSize({ width: 390, height: 844 });
  const target = await newUser(db, "a-rather-long-address-for-a-phone-screen");
  for (const path of ["/admin", `/admin?user=${target.id}&confirm=delete&password=wrong`]) {
    await page.goto(path);
    const nav = page.getByRole("navigation", { name: "Main" });
    const items = ["Iron Gate", "Private", "Account", "Admin"].map((name) => nav.getByRole("link", { name }));
    expect(await onOneLine([...items, nav.getByRole("button", { name: "Sign out" })]), path).toBe(true);
    expect(await fitsViewport(page), `${path}: no horizontal overflow`).toBe(true);
  }
});
