import { expect, test } from "./fixtures";

test.describe("the Content-Security-Policy holds in the browser", () => {
  test.use({ expectedConsoleErrors: [/Content Security Policy/] });

  test("an injected inline handler is refused, while the app's own scripts run", async ({ page }) => {
    await page.goto("/signup");
    // The app's scripts ran (they carry the nonce): the live password feedback works.
    // Typed again until it shows: text typed before hydration on a busy machine reaches no React handler.
    await expect(async () => {
      await page.getByLabel("Password").fill("");
      await page.getByLabel("Password").fill("passwordpassword");
      await expect(page.getByTestId("password-strength")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });

    // What a markup injection would try: an inline event handler (there is no nonce it could know).
    const violation = await page.evaluate(
      () =>
        new Promise<string | null>((resolve) => {
          document.addEventListener("securitypolicyviolation", (event) => resolve(event.effectiveDirective));
          document.body.insertAdjacentHTML(
            "beforeend",
            '<img alt="" src="data:image/png;base64,AAAA" onerror="window.__injected = true">',
          );
          setTimeout(() => resolve(null), 2_000);
        }),
    );
    expect(violation).toMatch(/^script-src/);
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
  });

  test("the page cannot be framed", async ({ page, request }) => {
    const response = await request.get("/login");
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await page.setContent('<iframe src="http://localhost:3210/login" title="framed"></iframe>');
    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("button", { name: "Sign in" })).toHaveCount(0);
  });
});
