import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { enrolOnAccountPage, passwordStep } from "./second-factor-steps";

// Issue 13 §2 in Chromium with its virtual authenticator (DevTools protocol, through Playwright's CDP session).
async function virtualAuthenticator(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return async () => {
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    return credentials[0]?.signCount ?? -1;
  };
}

test("register a passkey, sign out, sign in with it (no email); a replayed answer is refused", {
  tag: "@both-engines",
}, async ({ page, signIn }) => {
  const signCount = await virtualAuthenticator(page);
  await signIn();
  await page.goto("/account");
  await page.getByLabel("Passkey name").fill("Test laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey added.")).toBeVisible();
  await expect(page.getByTestId("passkeys")).toContainText("Test laptop");
  await expect(page.getByTestId("passkeys")).toContainText("never used");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
  const answers: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/sessions/passkey") {
      answers.push(request.postData() ?? "");
    }
  });
  await page.getByRole("button", { name: "Log in with a passkey" }).click();
  await expect(page).toHaveURL(/\/private$/);
  expect(await signCount()).toBeGreaterThan(0);
  await page.goto("/account");
  await expect(page.getByTestId("session-amr")).toHaveText("Passkey");
  await expect(page.getByTestId("passkeys")).toContainText("last used");

  // The same signed answer again, with a fresh challenge cookie: the challenge it signed was used up.
  const replay = await page
    .context()
    .request.post("/api/sessions/passkey/options", { headers: { origin: new URL(page.url()).origin } });
  expect(replay.status()).toBe(200);
  const again = await page.context().request.post("/api/sessions/passkey", {
    headers: { "content-type": "application/json", origin: new URL(page.url()).origin },
    data: answers[0] ?? "",
  });
  expect(again.status()).toBe(401);

  await page.getByRole("button", { name: "Remove Test laptop" }).click();
  await expect(page.getByText("Passkey removed.")).toBeVisible();
  await expect(page.getByTestId("passkeys")).toHaveCount(0);
});

test("password + passkey as the second step", { tag: "@both-engines" }, async ({ page, signIn, user }) => {
  await virtualAuthenticator(page);
  await signIn();
  await enrolOnAccountPage(page);
  await page.goto("/account");
  await page.getByLabel("Passkey name").fill("Phone");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey added.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/);

  await passwordStep(page, user.email);
  await page.getByRole("button", { name: "Use a passkey instead" }).click();
  await expect(page).toHaveURL(/\/private$/);
  await page.goto("/account");
  await expect(page.getByTestId("session-amr")).toHaveText("Password + passkey");
});
