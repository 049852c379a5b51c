import type { Browser, Page } from "@playwright/test";
import { expect, logIn, test, watcherRunning } from "./fixtures";

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

/** A second browser (its own cookie jar, another User-Agent) signed in as `email` on /private. */
async function otherBrowser(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, userAgent: FIREFOX_WINDOWS });
  const other = await context.newPage();
  await other.goto("/login?next=%2Fprivate");
  await logIn(other, email);
  await expect(other.getByTestId("secret-content")).toBeVisible();
  return other;
}

test("sign out another device from the account page: its open page lands on the login page", {
  tag: "@both-engines",
}, async ({ page, browser, baseURL, user }) => {
  await page.goto("/login?next=%2Faccount");
  await logIn(page, user.email);
  await expect(page).toHaveURL(/\/account$/);
  const other = await otherBrowser(browser, baseURL, user.email);
  await watcherRunning(other);

  await page.reload();
  const devices = page.getByTestId("device");
  await expect(devices).toHaveCount(2);
  await expect(devices.first()).toContainText("Firefox on Windows");
  await expect(devices.first()).not.toContainText("This device");
  await expect(devices.nth(1)).toContainText("This device");

  await devices.first().getByRole("button", { name: "Sign out Firefox on Windows" }).click();
  await expect(page.getByRole("status").filter({ hasText: "That device was signed out." })).toBeVisible();
  await expect(devices).toHaveCount(1);
  await expect(devices.first()).toContainText("This device");

  // The other browser's open page, untouched: its watcher asks the server when the tab is looked at again.
  await other.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(other).toHaveURL(/\/login\?.*reason=revoked/);
  await expect(other.getByTestId("logout-reason")).toContainText("ended from another device");
  await other.context().close();
});

test("signing this device out from the list lands on the login page", async ({ page, user }) => {
  await page.goto("/login?next=%2Faccount");
  await logIn(page, user.email);
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole("button", { name: "Sign out this device" }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the device list's Sign out is a plain form", async ({ page, browser, baseURL, user }) => {
    await page.goto("/login?next=%2Faccount");
    await logIn(page, user.email);
    await expect(page).toHaveURL(/\/account$/);
    const other = await otherBrowser(browser, baseURL, user.email);
    await page.reload();
    await page.getByRole("button", { name: "Sign out Firefox on Windows" }).click();
    await expect(page).toHaveURL(/\/account\?done=device-signed-out/);
    await expect(page.getByTestId("device")).toHaveCount(1);
    await other.goto("/private");
    await expect(other).toHaveURL(/\/login\?next=%2Fprivate&reason=revoked$/);
    await other.context().close();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the device list fits the screen", async ({ page, browser, baseURL, user }) => {
    await page.goto("/login?next=%2Faccount");
    await logIn(page, user.email);
    const other = await otherBrowser(browser, baseURL, user.email);
    await page.goto("/account");
    await expect(page.getByTestId("device")).toHaveCount(2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await other.context().close();
  });
});
