import { expect, PASSWORD, test, uniqueEmail } from "./fixtures";

// Each test runs with and without JavaScript: a field's error goes when the field changes (with JavaScript),
// and a new answer of the form replaces the old message (both).

test("login: an empty submit flags both fields, and an edited field's error goes", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter your email address.");
  await expect(page.locator("#password-error")).toHaveText("Enter your password.");

  await page.getByLabel("Email").fill("ada@example.com");
  await expect(page.locator("#email-error")).toHaveCount(0);
  await expect(page.getByLabel("Email")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#password-error")).toHaveText("Enter your password.");

  // A second empty submit shows the same error again: a new answer, not the cleared one.
  await page.getByLabel("Email").fill("");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter your email address.");
});

test("login: the sign-out notice gives way to the form's answer", async ({ page, user }) => {
  await page.goto("/login?reason=signed-out");
  await expect(page.getByTestId("logout-reason")).toHaveText("You have signed out.");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await expect(page.getByTestId("logout-reason")).toHaveCount(0);
});

test("sign-up: a field's error goes once that field changes", async ({ page }) => {
  await page.goto("/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter your email address.");
  await page.getByLabel("Email").fill(uniqueEmail("stale"));
  await expect(page.locator("#email-error")).toHaveCount(0);
  await expect(page.locator("#password-error")).toBeVisible();
  await page.getByLabel("Password").fill(PASSWORD);
  await expect(page.locator("#password-error")).toHaveCount(0);
});

test("change password: the new answer replaces the old, and an edited field's error goes", async ({ page, signIn }) => {
  await signIn();
  await page.goto("/account");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#currentPassword-error")).toBeVisible();
  await page.getByLabel("Current password").fill("not my password at all");
  await expect(page.locator("#currentPassword-error")).toHaveCount(0);
  await expect(page.locator("#newPassword-error")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the sign-out notice gives way to the form's answer", async ({ page, user }) => {
    await page.goto("/login?reason=signed-out");
    await expect(page.getByTestId("logout-reason")).toHaveText("You have signed out.");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
    await expect(page.getByTestId("logout-reason")).toHaveCount(0);
  });

  test("an empty login flags both fields", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#email-error")).toHaveText("Enter your email address.");
    await expect(page.locator("#password-error")).toHaveText("Enter your password.");
  });

  test("an empty sign-up flags the password too, not only the email", async ({ page }) => {
    await page.goto("/signup");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("#email-error")).toHaveText("Enter your email address.");
    await expect(page.locator("#password-error")).toHaveText("Choose a password.");
  });
});
