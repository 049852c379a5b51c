import { z } from "zod";
import { durationSchema } from "./duration";
import { parseSessionSecrets, type SessionSecrets } from "./session-secrets";

/** The smallest Node that has `crypto.argon2` and `node:sqlite` together. */
export const MIN_NODE = [24, 7] as const;

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
  /** The public origin (`https://app.example.com`) when a proxy in front rewrites Host; default: the request's. */
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
  THROTTLE_IP_BURST: z.coerce.number().int().min(1).default(20),
  THROTTLE_IP_PER_MINUTE: z.coerce.number().positive().default(10),
  THROTTLE_ACCOUNT_FREE_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  THROTTLE_ACCOUNT_BASE_DELAY: durationSchema("30s"),
  THROTTLE_ACCOUNT_MAX_DELAY: durationSchema("1h"),
  AUDIT_RETENTION: durationSchema("90d"),
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
  if (typeof sessionSecrets === "string") throw new ConfigError(`Invalid configuration: ${sessionSecrets}`);
  return { ...rest, sessionSecrets };
}

function parseWith<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.output<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
}

export function isSupportedNode(version: string = process.versions.node): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}
