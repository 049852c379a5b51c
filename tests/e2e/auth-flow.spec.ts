import { expect, logIn, PASSWORD, test, uniqueEmail } from "./fixtures";

test("sign up, reach /private, sign out, and be bounced from /private", { tag: "@both-engines" }, async ({ page }) => {
  const email = uniqueEmail("flow");
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name (optional)").fill("Ada Lovelace");

  // Live feedback from the same policy the server applies.
  await page.getByLabel("Password").fill("passwordpassword");
  await expect(page.getByTestId("password-strength")).toContainText(/common|guess|similar/i);
  await page.getByLabel("Password").fill(PASSWORD);
  await expect(page.getByTestId("password-strength")).toContainText("good to go");

  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/private$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello Ada Lovelace");
  await expect(page.getByTestId("secret-content")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/);

  await page.goto("/private");
  await expect(page).toHaveURL(/\/login\?next=%2Fprivate$/);
  await expect(page.getByTestId("secret-content")).toHaveCount(0);

  await logIn(page, email);
  await expect(page).toHaveURL(/\/private$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello Ada Lovelace");
});

test("login with next returns to the page that asked, and a wrong password is refused", {
  tag: "@both-engines",
}, async ({ page, user }) => {
  await page.goto("/private?tab=secret");
  await expect(page).toHaveURL(/\/login\?next=%2Fprivate%3Ftab%3Dsecret$/);

  await logIn(page, user.email, "not the right password at all");
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toHaveText(
    "That email and password do not match an account.",
  );
  await expect(page.getByLabel("Email")).toHaveValue(user.email);
  await expect(page.getByLabel("Password")).toHaveValue("");

  await logIn(page, user.email.toUpperCase());
  await expect(page).toHaveURL(/\/private\?tab=secret$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello Fixture User");
});

test("a login page link to another site is ignored", async ({ page, user }) => {
  await page.goto("/login?next=//evil.test/steal");
  await logIn(page, user.email);
  await expect(page).toHaveURL(/localhost:\d+\/private$/);
});

test("signed in, /login and /signup go to /private", async ({ page, signIn }) => {
  await signIn();
  await page.goto("/login");
  await expect(page).toHaveURL(/\/private$/);
  await page.goto("/signup");
  await expect(page).toHaveURL(/\/private$/);
  await page.goto("/");
  await expect(page.getByTestId("session-state")).toContainText("You are signed in as Fixture User");
});

test("signing up with a taken email says so next to the field", async ({ page, user }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});
