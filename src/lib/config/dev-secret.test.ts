import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEV_SECRET_MARK, generatedDevSecrets, usesGeneratedDevSecret } from "./dev-secret";

const GENERATED = "Kq3v9ZtR-x2LmP7wY_b8NcE4hJ6sUaGd";
const OWN = "p4T_zQ9mW2rX7kV-cL8nB3yH6fJ1gS5dA0eUo";

describe("generatedDevSecrets", () => {
  it("finds the secret under the mark, and only that one", () => {
    const text = `OTHER=1\nSESSION_SECRET=${OWN}\n${DEV_SECRET_MARK}\nSESSION_SECRET=${GENERATED}\n`;
    expect(generatedDevSecrets(text)).toEqual([GENERATED]);
    expect(generatedDevSecrets(`SESSION_SECRET=${OWN}\n`)).toEqual([]);
    expect(generatedDevSecrets(`${DEV_SECRET_MARK}\r\nSESSION_SECRET=${GENERATED}\r\n`)).toEqual([GENERATED]);
  });
});

describe("usesGeneratedDevSecret", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("is true only when a configured secret is the generated one", () => {
    dir = mkdtempSync(join(tmpdir(), "iron-gate-dev-secret-unit-"));
    expect(usesGeneratedDevSecret([GENERATED], dir)).toBe(false);
    writeFileSync(join(dir, ".env.local"), `${DEV_SECRET_MARK}\nSESSION_SECRET=${GENERATED}\n`);
    expect(usesGeneratedDevSecret([GENERATED], dir)).toBe(true);
    expect(usesGeneratedDevSecret([OWN, GENERATED], dir)).toBe(true);
    expect(usesGeneratedDevSecret([OWN], dir)).toBe(false);
  });
});
