import { expect, test } from "./fixtures";
import { fitsViewport, onOneLine } from "./layout";

// An iPhone-sized viewport: every page fits without sideways scrolling, and the header stays one line.
// The 404 page is among them: Chromium logs its status.
test.use({ viewport: { width: 390, height: 844 }, expectedConsoleErrors: [/status of 404/] });

test("signed in, the header is one line and no page scrolls sideways", async ({ page, signIn }) => {
  await signIn();
  for (const path of ["/", "/private", "/account", "/pages-router/private", "/does-not-exist"]) {
    await page.goto(path);
    const nav = page.getByRole("navigation", { name: "Main" });
    const items = [
      nav.getByRole("link", { name: "Iron Gate" }),
      nav.getByRole("link", { name: "Private" }),
      nav.getByRole("link", { name: "Account" }),
      nav.getByRole("button", { name: "Sign out" }),
    ];
    expect(await onOneLine(items), `${path}: header on one line`).toBe(true);
    expect(await fitsViewport(page), `${path}: no horizontal overflow`).toBe(true);
  }
});

test("the account's activity is a list whose labels do not break mid-word", async ({ page, signIn, user }) => {
  // A failed sign-in, so the activity has the longest label.
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await signIn();
  await page.goto("/account");
  const label = page.getByTestId("recent-events").getByText("Failed sign-in");
  await expect(label).toBeVisible();
  const lineHeight = await label.evaluate((element) => Number.parseFloat(getComputedStyle(element).lineHeight));
  const box = await label.boundingBox();
  expect(box?.height ?? 0, "one line").toBeLessThan(lineHeight * 1.5);
  const when = page.getByTestId("recent-events").locator("time").first();
  const whenBox = await when.boundingBox();
  expect(whenBox?.height ?? 0, "the date on one line").toBeLessThan(lineHeight * 1.5);
  expect(await fitsViewport(page)).toBe(true);
});

test("the idle dialog keeps a margin from the screen's edges", async ({ page, signIn }) => {
  await signIn();
  await page.clock.install();
  await page.goto("/private");
  await expect(page.locator('[data-watch="counting"]')).toHaveCount(1);
  await page.clock.fastForward("29:15");
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  const box = await dialog.boundingBox();
  expect(box?.x ?? 0).toBeGreaterThanOrEqual(16);
  expect(390 - (box ? box.x + box.width : 390)).toBeGreaterThanOrEqual(16);
  expect(await fitsViewport(page)).toBe(true);
});
