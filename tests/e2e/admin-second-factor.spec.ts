import { axeViolations } from "./axe";
import { expect, test } from "./fixtures";
import { fitsViewport } from "./layout";

// Issue 13 §3 in the browser: this spec runs on the step-up project's server (playwright.config.ts), the one
// whose ADMIN_REQUIRE_SECOND_FACTOR is on and whose database (step-up.db) no other admin test uses. An admin
// signed in with a password alone (the fixture's seal says `amr: ["pwd"]`) sees how to add a second factor.
// The same admin signed in with a code is tested over HTTP (tests/security/admin-second-factor.test.ts).

test("a password-only admin sees 'Two-step sign-in needed' instead of the list; no axe violations", async ({
  page,
  db,
  user,
  signIn,
}) => {
  await db.updateTable("users").set({ isAdmin: true }).where("id", "=", user.id).execute();
  await signIn();
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-step sign-in needed");
  await expect(page.getByTestId("admin-user")).toHaveCount(0);
  await expect(page.getByLabel("Search by email or name")).toHaveCount(0);
  const found = await axeViolations(page, "admin, second factor required");
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await fitsViewport(page)).toBe(true);
  await page.getByRole("link", { name: "your account page" }).click();
  await expect(page).toHaveURL(/\/account#second-factor$/);
  await expect(page.getByRole("button", { name: "Set up an authenticator app" })).toBeVisible();
  expect(found).toEqual([]);
});
