import { expect, test } from "./fixtures";

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("edit the display name: refused with a field error, saved, then cleared", { tag: "@both-engines" }, async ({
      page,
      signIn,
      user,
    }) => {
      await signIn();
      await page.goto("/account");
      const section = page.getByRole("region", { name: "Your name" });
      const field = section.getByLabel("Display name");
      await expect(field).toHaveValue("Fixture User");

      await field.fill("Ada\u200BLovelace");
      await section.getByRole("button", { name: "Save name" }).click();
      await expect(section.locator("#name-error")).toContainText("invisible");
      await expect(field).toHaveAttribute("aria-invalid", "true");

      await field.fill("  Grace Hopper ");
      await section.getByRole("button", { name: "Save name" }).click();
      await expect(page).toHaveURL(/\/account\?done=name-saved$/);
      await expect(page.getByRole("status").filter({ hasText: "Your name was saved." })).toBeVisible();
      await expect(page.getByRole("region", { name: "Your name" }).getByLabel("Display name")).toHaveValue(
        "Grace Hopper",
      );
      await page.goto("/private");
      await expect(page.getByText("Hello Grace Hopper")).toBeVisible();

      await page.goto("/account");
      await page.getByLabel("Display name").fill("");
      await page.getByRole("button", { name: "Save name" }).click();
      await expect(page).toHaveURL(/\/account\?done=name-saved$/);
      await page.goto("/private");
      await expect(page.getByText(`Hello ${user.email}`)).toBeVisible();
    });
  });
}
