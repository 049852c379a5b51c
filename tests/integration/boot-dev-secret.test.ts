import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_SECRET_MARK } from "@/lib/config/dev-secret";
import { bootServer, ROOT, refusalLines } from "../support/boot-process";

/**
 * Issue 7 §3: `next start` reads `.env.local`, where `npm run dev` wrote a generated secret. A production
 * start that would seal cookies with it must refuse. The project's own `.env.local` is never touched: the
 * server runs in a folder of links to the built app, with an `.env.local` of its own.
 */
const GENERATED = randomBytes(32).toString("base64url");
let project = "";

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "iron-gate-dev-secret-"));
  for (const entry of [".next", "node_modules", "package.json", "next.config.ts", "src", "public", "tsconfig.json"]) {
    symlinkSync(join(ROOT, entry), join(project, entry));
  }
  writeFileSync(join(project, ".env.local"), `${DEV_SECRET_MARK}\nSESSION_SECRET=${GENERATED}\n`, { mode: 0o600 });
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("the development secret in production", { timeout: 90_000 }, () => {
  it("no SESSION_SECRET in the environment, so .env.local's generated one would be used: refused", async () => {
    const outcome = await bootServer("dev-secret", { cwd: project, env: { SESSION_SECRET: undefined } });
    expect(outcome.kind, `${outcome.stdout}\n${outcome.stderr}`).toBe("exited");
    if (outcome.kind !== "exited") return;
    expect(outcome.code).not.toBe(0);
    const lines = refusalLines(outcome);
    expect(lines, lines.join("\n")).toHaveLength(1);
    expect(lines[0]).toMatch(/generated for development/);
    expect(lines[0]).toMatch(/SESSION_SECRET/);
    expect(lines[0]).not.toContain(GENERATED);
  });

  it("the same secret listed in SESSION_SECRETS: refused too", async () => {
    const other = randomBytes(32).toString("base64url");
    const env = { SESSION_SECRET: undefined, SESSION_SECRETS: `2:${other},1:${GENERATED}` };
    expect((await bootServer("dev-secret-list", { cwd: project, env })).kind).toBe("exited");
  });

  it("a SESSION_SECRET set in the environment wins over .env.local: it serves", async () => {
    expect((await bootServer("dev-secret-set", { cwd: project })).kind).toBe("served");
  });
});
