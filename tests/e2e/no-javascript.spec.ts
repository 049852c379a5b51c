import { expect, PASSWORD, test, uniqueEmail } from "./fixtures";

test.use({ javaScriptEnabled: false });

test("every form works without JavaScript, and no password is echoed back", async ({ page }) => {
  const email = uniqueEmail("nojs");
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("passwordpassword");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#password-error")).toBeVisible();
  expect(await page.content()).not.toContain("passwordpassword");
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/private$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello ${email}`);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
  await page.goto("/private");
  await expect(page).toHaveURL(/\/login\?next=%2Fprivate$/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password entirely");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  expect(await page.content()).not.toContain("wrong password entirely");

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/private$/);
});
