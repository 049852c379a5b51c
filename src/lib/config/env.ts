import { z } from "zod";
import { checkConsistency } from "./consistency";
import { durationSchema } from "./duration";
import { parseSessionSecrets, type SessionSecrets } from "./session-secrets";

/** `throttles.milli_tokens` is an `integer` column (32 bits on PostgreSQL) holding the burst in thousandths. */
const MAX_BURST = Math.floor((2 ** 31 - 1) / 1000);

/** A bare origin such as `https://app.example.com` (no path), normalised by the URL parser. */
const originSchema = z
  .string()
  .refine((value) => URL.canParse(value) && new URL(value).origin === value.replace(/\/$/, ""), {
    message: "must be an origin such as https://app.example.com",
  })
  .transform((value) => new URL(value).origin);

/** The `sslmode` values `pg` understands; anything else is a typo that would silently mean "no TLS". */
const SSL_MODES = ["disable", "prefer", "require", "verify-ca", "verify-full", "no-verify"];

const postgresUrlProblem = (url: string): string | null => {
  if (!URL.canParse(url)) return "is not a valid postgres:// URL";
  const sslmode = new URL(url).searchParams.get("sslmode");
  return sslmode === null || SSL_MODES.includes(sslmode) ? null : `sslmode must be one of ${SSL_MODES.join(", ")}`;
};

/** `smtp://user:pass@host:587` or `smtps://…:465`; the message never repeats the URL (it holds a password). */
const smtpUrlSchema = z
  .string()
  .refine((url) => URL.canParse(url) && /^smtps?:$/.test(new URL(url).protocol) && new URL(url).hostname !== "", {
    message: "must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.com:587",
  });

const DatabaseEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/app.db")
    .refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\//.test(url), {
      message: "must be a file: URL (SQLite) or a postgres:// URL",
    })
    .superRefine((url, ctx) => {
      const problem = url.startsWith("file:") ? null : postgresUrlProblem(url);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  /** PostgreSQL only: connections per instance, and how long to wait for one, a statement, an idle transaction. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_CONNECT_TIMEOUT: durationSchema("5s"),
  DATABASE_STATEMENT_TIMEOUT: durationSchema("5s"),
  DATABASE_IDLE_TX_TIMEOUT: durationSchema("10s"),
  /** How long a cached session check may be used at most, even while the revocation feed is current (issue 14). */
  SESSION_CACHE_TTL: durationSchema("5s").refine((ms) => ms <= 60_000, { message: "at most 60s" }),
});

export type DatabaseConfig = z.infer<typeof DatabaseEnvSchema>;

const EnvSchema = DatabaseEnvSchema.extend({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SESSION_SECRET: z.string().optional(),
  SESSION_SECRETS: z.string().optional(),
  SESSION_IDLE_TIMEOUT: durationSchema("30m"),
  SESSION_MAX_AGE: durationSchema("12h"),
  SESSION_WARNING: durationSchema("60s"),
  SESSION_STEP_UP_WINDOW: durationSchema("10m"),
  APP_NAME: z.string().min(1).default("Iron Gate"),
  /** The public origin (`https://app.example.com`); required in production, never taken from `Host`. */
  APP_ORIGIN: originSchema.optional(),
  /** More origins allowed to send unsafe requests, comma-separated. */
  TRUSTED_ORIGINS: z
    .string()
    .optional()
    .transform((list) =>
      (list ?? "")
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(originSchema)),
  /** How many proxies in front append to X-Forwarded-For; 0 means trust none and use the TCP peer. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  THROTTLE_IP_BURST: z.coerce.number().int().min(1).max(MAX_BURST).default(20),
  THROTTLE_IP_PER_MINUTE: z.coerce.number().positive().max(1_000_000).default(10),
  THROTTLE_ACCOUNT_FREE_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  THROTTLE_ACCOUNT_BASE_DELAY: durationSchema("30s"),
  THROTTLE_ACCOUNT_MAX_DELAY: durationSchema("1h"),
  /** How long a password sign-in waits for its second factor (issue 13). */
  SECOND_FACTOR_PENDING_TTL: durationSchema("5m"),
  /** The admin area wants a session signed in with a second factor; unset means true in production. */
  ADMIN_REQUIRE_SECOND_FACTOR: z.enum(["true", "false"]).optional(),
  // Not a timer: only a purge cutoff, so years are fine.
  AUDIT_RETENTION: durationSchema("90d", 3650 * 86_400_000),
  /** Email verification (issue 12 §2): `required` is the production recommendation (README, "Email verification"). */
  EMAIL_VERIFICATION: z.enum(["off", "optional", "required"]).default("optional"),
  /** Mail (issue 12): required in production; in development without it, the dev outbox (/dev/mail). */
  SMTP_URL: smtpUrlSchema.optional(),
  /** The sender, `Name <address>` or an address; by default `APP_NAME <no-reply@APP_ORIGIN's host>`. */
  MAIL_FROM: z
    .string()
    .trim()
    .max(320)
    .refine((from) => /^[^@\s<>]+@[^@\s<>]+$|^[^<>]*<[^@\s<>]+@[^@\s<>]+>$/.test(from), {
      message: "must be an address or Name <address>",
    })
    .optional(),
  PASSWORD_RESET_TTL: durationSchema("30m", 86_400_000),
  /** Emailed links one client address, and one email address, may ask for per hour (reset, resend). */
  THROTTLE_MAIL_IP_PER_HOUR: z.coerce.number().int().min(1).max(MAX_BURST).default(10),
  THROTTLE_MAIL_EMAIL_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(3),
  /** The first retry of a failed delivery waits this long, doubling each time up to the maximum. */
  MAIL_RETRY_BASE_DELAY: durationSchema("30s"),
  MAIL_RETRY_MAX_DELAY: durationSchema("1h"),
  /** How often the background sender looks for due messages. */
  MAIL_POLL_INTERVAL: durationSchema("2s", 60_000),
});

export type Env = Omit<z.infer<typeof EnvSchema>, "SESSION_SECRET" | "SESSION_SECRETS"> & {
  sessionSecrets: SessionSecrets;
};

let cached: Env | undefined;

/** The validated configuration. Throws `ConfigError` with one readable line per problem. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Only what the database needs: for tools such as the CLI, which never touch a session. */
export function databaseUrl(): string {
  return databaseConfig().DATABASE_URL;
}

/** The database settings alone (URL, pool, timeouts), validated. */
export function databaseConfig(source: Record<string, string | undefined> = process.env): DatabaseConfig {
  return parseWith(DatabaseEnvSchema, source);
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const { SESSION_SECRET, SESSION_SECRETS, ...rest } = parseWith(EnvSchema, source);
  const sessionSecrets = parseSessionSecrets(SESSION_SECRETS, SESSION_SECRET);
  const problems = [
    ...(typeof sessionSecrets === "string" ? [sessionSecrets] : []),
    ...checkConsistency(rest),
    ...(rest.NODE_ENV === "production" && rest.APP_ORIGIN === undefined ? [APP_ORIGIN_MISSING] : []),
    ...(rest.NODE_ENV === "production" && rest.SMTP_URL === undefined ? [SMTP_URL_MISSING] : []),
  ];
  if (typeof sessionSecrets === "string" || problems.length > 0) {
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  return { ...rest, sessionSecrets };
}

/** Production names its public origin: the CSRF check must not trust the Host a client sends (design notes). */
const APP_ORIGIN_MISSING =
  "APP_ORIGIN is missing: in production set it to the public origin the browser uses, such as https://app.example.com";

/** Production mail goes out for real: a reset link written to a log would be a password in a log. */
const SMTP_URL_MISSING =
  "SMTP_URL is missing: in production set it to your mail server, such as smtps://user:pass@mail.example.com:465";

function parseWith<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.output<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
}
