import { expect, PASSWORD, test, watcherRunning } from "./fixtures";
import { backgroundRgb } from "./layout";

test("the account page ends other sessions and changes the password", { tag: "@both-engines" }, async ({
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
  // The one that ends this session too is red and asks first.
  await expect(page.getByRole("button", { name: "Yes, sign out everywhere" })).toBeHidden();
  await expect(page.getByText("Ends every session, this one included.")).toBeVisible();
  await page.getByText("Sign out everywhere…").click();
  await expect(page.getByText("This signs out this device too")).toBeVisible();
  await expect(page.getByText("Ends every session, this one included.")).toBeHidden();
  const confirm = page.getByRole("button", { name: "Yes, sign out everywhere" });
  const [red, green, blue] = await backgroundRgb(confirm);
  expect(red - Math.max(green, blue), "the confirming button is red").toBeGreaterThan(80);
  await confirm.click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out-everywhere$/);
  await expect(page.getByTestId("logout-reason")).toContainText("every device");
  await elsewhere.close();
});

test("the session timeline is drawn and moves as time passes; change password has the strength meter", async ({
  page,
  signIn,
}) => {
  await signIn();
  await page.clock.install();
  await page.goto("/account");
  await watcherRunning(page);
  const timeline = page.getByTestId("session-timeline");
  const drawing = timeline.getByRole("img");
  await expect(drawing).toHaveAttribute("aria-label", /^Signed in under a minute ago; ends in 29 min if idle/);
  const before = Number(await timeline.getAttribute("data-now-percent"));
  await page.clock.fastForward("05:00");
  await expect(drawing).toHaveAttribute("aria-label", /^Signed in 5 min ago; ends in 2\d min if idle/);
  expect(Number(await timeline.getAttribute("data-now-percent"))).toBeGreaterThan(before);

  await page.getByLabel("New password").fill("passwordpassword");
  await expect(page.getByTestId("password-strength")).toContainText(/common|guess|similar/i);
  await page.getByLabel("New password").fill("marble harbor violin cactus meadow");
  await expect(page.getByTestId("password-strength")).toContainText("good to go");
});
