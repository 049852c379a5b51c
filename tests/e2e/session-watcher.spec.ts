import type { Page } from "@playwright/test";
import { expect, test, watcherRunning } from "./fixtures";

// The e2e server runs the defaults: idle 30 min, absolute 12 h, warning 60 s. Playwright's clock moves
// the page's time; the server keeps real time, which is exactly the skew the watcher must correct for.

const dialog = (page: Page) => page.getByRole("alertdialog");
const countdown = (page: Page) => page.getByTestId("session-countdown");
const secondsLeft = async (page: Page): Promise<number> => Number(await countdown(page).textContent());

async function openPrivate(page: Page): Promise<void> {
  await page.goto("/private");
  await expect(page.getByTestId("secret-content")).toBeVisible();
  await watcherRunning(page);
}

test("warns before the idle limit, extends on 'Stay signed in', and ends on the login page", async ({
  page,
  signIn,
}) => {
  await page.clock.install();
  await signIn();
  await openPrivate(page);

  await page.clock.fastForward("28:50"); // about 70 s left: no warning yet
  await expect(dialog(page)).toBeHidden();
  await page.clock.fastForward("00:15"); // about 55 s left
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page)).toContainText("Are you still there?");
  expect(await secondsLeft(page)).toBeGreaterThanOrEqual(50);
  expect(await secondsLeft(page)).toBeLessThanOrEqual(57);
  const before = await secondsLeft(page);
  await page.clock.runFor(10_000);
  await expect.poll(() => secondsLeft(page)).toBe(before - 10);

  await dialog(page).getByRole("button", { name: "Stay signed in" }).click();
  await expect(dialog(page)).toBeHidden();
  await page.clock.fastForward("25:00"); // the idle window restarted: still signed in
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByTestId("secret-content")).toBeVisible();

  await page.clock.fastForward("06:30"); // past the new idle limit
  await expect(page).toHaveURL(/\/login\?reason=expired&next=%2Fprivate$/);
  await expect(page.getByTestId("logout-reason")).toContainText("after a period of inactivity");
  await expect(page.getByTestId("secret-content")).toHaveCount(0);
  // The server agrees: the session is over, so the login page does not bounce back (no loop).
  await page.clock.runFor(3_000);
  await expect(page).toHaveURL(/\/login\?reason=expired/);
});

test("before the absolute limit, a notice, and no way to extend", async ({ page, signIn }) => {
  await page.clock.install();
  await signIn({ ageMs: 12 * 3_600_000 - 4 * 60_000 }); // 4 minutes of the 12 hours left
  await openPrivate(page);
  await expect(page.getByTestId("absolute-notice")).toContainText("cannot be extended");

  await page.clock.fastForward("03:10");
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page)).toContainText("Your session is ending");
  await expect(dialog(page).getByRole("button", { name: "Stay signed in" })).toHaveCount(0);

  await page.clock.fastForward("01:00");
  await expect(page).toHaveURL(/\/login\?reason=ended&next=%2Fprivate$/);
  await expect(page.getByTestId("logout-reason")).toContainText("time limit");
});

test("two tabs agree: a refresh in one moves the other, and expiry ends both", async ({ context, signIn }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.clock.install();
  await signIn();
  await openPrivate(first);
  await openPrivate(second);

  await first.clock.fastForward("29:10");
  await expect(dialog(first)).toBeVisible();
  await expect(dialog(second)).toBeVisible();
  await dialog(first).getByRole("button", { name: "Stay signed in" }).click();
  await expect(dialog(first)).toBeHidden();
  await expect(dialog(second)).toBeHidden({ timeout: 10_000 });

  await first.clock.fastForward("31:00");
  await expect(first).toHaveURL(/\/login\?reason=expired&next=%2Fprivate$/);
  await expect(second).toHaveURL(/\/login\?reason=expired&next=%2Fprivate$/);
});

test("two tabs agree: signing out in one signs out the other", async ({ context, signIn }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await signIn();
  await openPrivate(first);
  await openPrivate(second);

  await first.getByRole("button", { name: "Sign out" }).click();
  await expect(first).toHaveURL(/\/login\?reason=signed-out$/);
  await expect(second).toHaveURL(/\/login\?reason=signed-out-elsewhere&next=%2Fprivate$/, { timeout: 10_000 });
  await expect(second.getByTestId("logout-reason")).toHaveText("You signed out in another tab.");
  await expect(second.getByTestId("secret-content")).toHaveCount(0);
});

test.describe("when the server cannot answer", () => {
  test.use({ expectedConsoleErrors: [/status of 503/] });

  test("a 503 from the status or refresh endpoint signs nobody out", async ({ page, signIn }) => {
    await page.clock.install();
    await signIn();
    await openPrivate(page);
    const unavailable = {
      status: 503,
      contentType: "application/json",
      body: '{"error":{"code":"service_unavailable"}}',
    };
    await page.route("**/api/sessions", (route) => route.fulfill(unavailable));
    await page.route("**/api/sessions/refresh", (route) => route.fulfill(unavailable));

    await page.clock.fastForward("29:10"); // the warning re-reads the status: 503
    await expect(dialog(page)).toBeVisible();
    await dialog(page).getByRole("button", { name: "Stay signed in" }).click();
    await page.clock.runFor(2_000);
    await expect(page).toHaveURL(/\/private$/);
    await expect(dialog(page)).toBeVisible(); // still up: the person can try again

    await page.unroute("**/api/sessions/refresh");
    await dialog(page).getByRole("button", { name: "Stay signed in" }).click();
    await expect(dialog(page)).toBeHidden();
  });
});

test("the login page ignores reasons it does not know", async ({ page }) => {
  await page.goto("/login?reason=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  await expect(page.getByTestId("logout-reason")).toHaveCount(0);
  expect(await page.content()).not.toContain("<script>alert(1)");
});
