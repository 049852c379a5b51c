import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { matchTotp, newTotpSecret, normaliseTotpCode, TOTP_PERIOD_MS, totpStep, totpUri } from "./totp-code";

const secret = newTotpSecret();
const codeAt = (ms: number): string =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: ms });
// The middle of a step, so ±1 step is exactly one period away.
const now = 1_800_000_000_000 + 15_000;

describe("TOTP codes (RFC 6238)", () => {
  it("a new secret has 160 bits (32 base32 letters)", () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it("accepts the current code, and the codes one step either side; not two steps", () => {
    expect(matchTotp(secret, codeAt(now), now, null)).toEqual({ ok: true, step: totpStep(now) });
    expect(matchTotp(secret, codeAt(now - TOTP_PERIOD_MS), now, null)).toEqual({ ok: true, step: totpStep(now) - 1 });
    expect(matchTotp(secret, codeAt(now + TOTP_PERIOD_MS), now, null)).toEqual({ ok: true, step: totpStep(now) + 1 });
    expect(matchTotp(secret, codeAt(now - 2 * TOTP_PERIOD_MS), now, null)).toMatchObject({ ok: false });
    expect(matchTotp(secret, codeAt(now + 2 * TOTP_PERIOD_MS), now, null)).toMatchObject({ ok: false });
  });

  it("refuses a replay: the step used last, or any before it", () => {
    const step = totpStep(now);
    expect(matchTotp(secret, codeAt(now), now, step)).toEqual({ ok: false, reason: "replayed" });
    expect(matchTotp(secret, codeAt(now - TOTP_PERIOD_MS), now, step)).toEqual({ ok: false, reason: "replayed" });
    expect(matchTotp(secret, codeAt(now + TOTP_PERIOD_MS), now, step)).toEqual({ ok: true, step: step + 1 });
  });

  it("takes spaces; refuses anything that is not six digits", () => {
    const code = codeAt(now);
    expect(matchTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toMatchObject({ ok: true });
    expect(normaliseTotpCode("12345")).toBeNull();
    expect(normaliseTotpCode("1234567")).toBeNull();
    expect(normaliseTotpCode("12a456")).toBeNull();
    expect(matchTotp(secret, "", now, null)).toEqual({ ok: false, reason: "wrong" });
  });

  it("the URI names the issuer and the account", () => {
    const uri = totpUri(secret, "ada@example.com", "Iron Gate");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Iron%20Gate:ada%40example.com\?/);
    expect(uri).toContain(`secret=${secret}`);
  });
});
