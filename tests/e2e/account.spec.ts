import { expect, PASSWORD, test } from "./fixtures";

test("the account page ends other sessions and changes the password", async ({
  page,
  browser,
  signIn,
  user,
  baseURL,
}) => {
  await signIn();
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expect(page.getByTestId("session-times")).toContainText("Signed in");

  // A second browser signed in as the same user, through the login form.
  const elsewhere = await browser.newContext({ baseURL });
  const other = await elsewhere.newPage();
  await other.goto("/login");
  await other.getByLabel("Email").fill(user.email);
  await other.getByLabel("Password").fill(PASSWORD);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/\/private$/);

  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByRole("status").filter({ hasText: "other sessions were signed out" })).toBeVisible();
  await other.goto("/private");
  await expect(other).toHaveURL(/\/login\?next=%2Fprivate&reason=revoked$/);
  await expect(other.getByTestId("logout-reason")).toContainText("Your session was ended");

  await other.getByLabel("Email").fill(user.email);
  await other.getByLabel("Password").fill(PASSWORD);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/\/private$/);

  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password").fill("marble harbor violin cactus meadow");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("marble harbor violin cactus meadow");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Your other sessions were signed out.")).toBeVisible();
  await page.goto("/private");
  await expect(page.getByTestId("secret-content")).toBeVisible();
  await other.goto("/private");
  await expect(other).toHaveURL(/reason=revoked$/);

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere", exact: true }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out-everywhere$/);
  await expect(page.getByTestId("logout-reason")).toContainText("every device");
  await elsewhere.close();
});
