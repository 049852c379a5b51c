import { codeAt, nextStep } from "../support/second-factor";
import { withoutPageScripts } from "./axe";
import { expect, test } from "./fixtures";
import { enrolOnAccountPage, passwordStep } from "./second-factor-steps";

// Issue 13: the authenticator app in Chromium, codes computed here from the key the page shows.
test.describe.configure({ timeout: 150_000 });

test("enrol on the account page, sign out, sign in with password + code", { tag: "@both-engines" }, async ({
  page,
  signIn,
  user,
}) => {
  await signIn();
  const { secret } = await enrolOnAccountPage(page);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/);

  await passwordStep(page, user.email);
  // The page grants nothing yet.
  await page.goto("/private");
  await expect(page).toHaveURL(/\/login\?next=%2Fprivate/);
  await page.goto("/login/second-factor?next=%2Fprivate");
  await page.getByLabel("Code from your authenticator app").fill("123456");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That code is not right, or was used already.")).toBeVisible();
  // The enrolment used this 30-second step's code.
  await nextStep();
  await page.getByLabel("Code from your authenticator app").fill(codeAt(secret));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/private$/);
  await page.goto("/account");
  await expect(page.getByTestId("session-amr")).toHaveText("Password + authenticator code");
});

test("a recovery code, without JavaScript; then turning two-step sign-in off", { tag: "@both-engines" }, async ({
  page,
  signIn,
  user,
}) => {
  await signIn();
  const { codes } = await enrolOnAccountPage(page);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/);

  await withoutPageScripts(page);
  await passwordStep(page, user.email, undefined, true);
  // A browser without scripts follows the 303 to the second step's URL; the route above does not change it.
  await page.goto("/login/second-factor?next=%2Fprivate");
  await page.getByText("Lost your phone? Use a recovery code").click();
  await page.getByLabel("Recovery code").fill(codes[0] ?? "");
  await page.getByRole("button", { name: "Use recovery code" }).click();
  await expect(page.getByTestId("secret-content")).toBeVisible();
  await page.goto("/private");
  await expect(page.getByTestId("secret-content")).toBeVisible();
  await page.goto("/account");
  await expect(page.getByTestId("session-amr")).toHaveText("Password + recovery code");
  await expect(page.getByTestId("second-factor-on")).toContainText("9 of 10 recovery codes left");

  await page.getByRole("button", { name: "Turn off two-step sign-in" }).click();
  await expect(page.getByText("Two-step sign-in is off.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Set up an authenticator app" })).toBeVisible();
});
