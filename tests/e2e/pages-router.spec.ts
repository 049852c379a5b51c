import { expect, test, watcherRunning } from "./fixtures";

test("withSessionSsr guards a Pages Router page", async ({ page, signIn }) => {
  await page.goto("/pages-router/private");
  await expect(page).toHaveURL(/\/login\?next=%2Fpages-router%2Fprivate$/);

  await signIn();
  await page.goto("/pages-router/private");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello Fixture User");
  await expect(page.getByTestId("secret-content")).toContainText("withSessionSsr");
});

test("withSessionRoute serves a Pages Router API route with the browser's session", async ({ page, signIn, user }) => {
  await page.goto("/");
  const signedOut = await page.request.get("/api/pages-router/session");
  expect(signedOut.status()).toBe(401);

  await signIn();
  const signedIn = await page.request.get("/api/pages-router/session");
  expect(signedIn.status()).toBe(200);
  expect(await signedIn.json()).toEqual({
    user: { id: user.id, email: user.email, name: "Fixture User", isAdmin: false },
  });

  const signOut = await page.request.delete("/api/pages-router/session");
  expect(signOut.status()).toBe(200);
  expect((await page.request.get("/api/pages-router/session")).status()).toBe(401);
});

test("the Pages Router page runs the same session watcher", async ({ page, signIn }) => {
  await page.clock.install();
  await signIn();
  await page.goto("/pages-router/private");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello Fixture User");
  await watcherRunning(page);
  await page.clock.fastForward("29:10");
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await page.clock.fastForward("01:00");
  await expect(page).toHaveURL(/\/login\?reason=expired&next=%2Fpages-router%2Fprivate$/);
});

test("the Pages Router page signs out through withSessionRoute", async ({ page, signIn }) => {
  await signIn();
  await page.goto("/pages-router/private");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
  await page.goto("/pages-router/private");
  await expect(page).toHaveURL(/\/login\?next=%2Fpages-router%2Fprivate$/);
});

test("the Pages Router page has the same header, navigation and a title of its own", async ({ page, signIn }) => {
  await signIn();
  await page.goto("/pages-router/private");
  await expect(page).toHaveTitle(/Private.*Iron Gate/);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Private" })).toHaveAttribute("href", "/private");
  await expect(nav.getByRole("link", { name: "Account" })).toHaveAttribute("href", "/account");
  await expect(nav.getByTestId("signed-in-as")).toHaveText("Fixture User");
  await expect(nav.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("Hello Fixture User");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the Pages Router page's Sign out works", async ({ page, signIn }) => {
    await signIn();
    await page.goto("/pages-router/private");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
    await page.goto("/pages-router/private");
    await expect(page).toHaveURL(/\/login\?next=%2Fpages-router%2Fprivate$/);
  });
});
