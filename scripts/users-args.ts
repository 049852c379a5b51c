import { parseArgs } from "node:util";
import { NameSchema } from "@/lib/auth/auth-schemas";
import { EmailSchema } from "@/lib/auth/email";

/** One `npm run users` invocation, understood. */
export type UsersCommand =
  | { kind: "add"; email: string; name: string | null; admin: boolean }
  | { kind: "list"; json: boolean }
  | { kind: "set-admin"; email: string; admin: boolean }
  | { kind: "remove"; email: string }
  | { kind: "disable" | "enable" | "sign-out" | "reset-password"; email: string };

/** The commands that take one email and nothing else. */
const BY_EMAIL = ["remove", "disable", "enable", "sign-out", "reset-password"] as const;
type ByEmail = (typeof BY_EMAIL)[number];
const isByEmail = (command: string | undefined): command is ByEmail => BY_EMAIL.some((name) => name === command);

/** Exit 2 for a usage error (the usage follows the message), 1 for a refusal such as an invalid email. */
export type ParsedUsersArgs = { ok: true; command: UsersCommand } | { ok: false; exit: 1 | 2; message: string };

const usage = (message: string): ParsedUsersArgs => ({ ok: false, exit: 2, message });

/**
 * Strict parsing (`parseArgs` throws on an unknown option) and at most `positionals` plain arguments: a
 * stray option or argument is a usage error, never silently ignored. Returns the reason on failure.
 */
function strictly<T extends { positionals: string[] }>(parse: () => T, positionals: number): T | string {
  try {
    const parsed = parse();
    const extra = parsed.positionals[positionals];
    return extra === undefined ? parsed : `unexpected argument "${extra}"`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function withEmail(raw: string | undefined, build: (email: string) => UsersCommand): ParsedUsersArgs {
  if (!raw) return usage("an email is required");
  const parsed = EmailSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, exit: 1, message: `${raw}: ${parsed.error.issues[0]?.message}` };
  return { ok: true, command: build(parsed.data) };
}

/** Pure: the command line (after `npm run users --`) to a command or the reason it is not one. */
export function parseUsersArgs(argv: string[]): ParsedUsersArgs {
  const [command, ...args] = argv;
  if (isByEmail(command)) {
    const parsed = strictly(() => parseArgs({ args, options: {}, allowPositionals: true }), 1);
    if (typeof parsed === "string") return usage(parsed);
    return withEmail(parsed.positionals[0], (email) => ({ kind: command, email }));
  }
  switch (command) {
    case "add": {
      const options = { name: { type: "string" }, admin: { type: "boolean", default: false } } as const;
      const parsed = strictly(() => parseArgs({ args, options, allowPositionals: true }), 1);
      if (typeof parsed === "string") return usage(parsed);
      // The API's own rule for names (no invisible or bidi characters), refused with exit 1 like an email.
      const named = NameSchema.nullish().safeParse(parsed.values.name?.trim() || null);
      if (!named.success) return { ok: false, exit: 1, message: `--name: ${named.error.issues[0]?.message}` };
      const name = named.data ?? null;
      return withEmail(parsed.positionals[0], (email) => ({ kind: "add", email, name, admin: parsed.values.admin }));
    }
    case "list": {
      const options = { json: { type: "boolean", default: false } } as const;
      const parsed = strictly(() => parseArgs({ args, options, allowPositionals: true }), 0);
      if (typeof parsed === "string") return usage(parsed);
      return { ok: true, command: { kind: "list", json: parsed.values.json } };
    }
    case "set-admin": {
      const parsed = strictly(() => parseArgs({ args, options: {}, allowPositionals: true }), 2);
      if (typeof parsed === "string") return usage(parsed);
      const [email, value] = parsed.positionals;
      if (email && value !== "on" && value !== "off") return usage("set-admin takes on or off");
      return withEmail(email, (valid) => ({ kind: "set-admin", email: valid, admin: value === "on" }));
    }
    case undefined:
    case "help":
    case "--help":
      return usage("");
    default:
      return usage(`unknown command "${command}"`);
  }
}
