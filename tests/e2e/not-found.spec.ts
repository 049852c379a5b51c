import { expect, test } from "./fixtures";

// The browser reports the 404 status of the document itself as a console error.
test.use({ expectedConsoleErrors: [/404/] });

test("signed in, the 404 page has the signed-in header, a title saying what happened, and a working Sign out", async ({
  page,
  signIn,
}) => {
  await signIn();
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle(/Page not found/);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByTestId("signed-in-as")).toHaveText("Fixture User");
  await expect(nav.getByRole("link", { name: "Log in" })).toHaveCount(0);
  await nav.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
});
