// The one place that reads process.env: every setting the portal needs, validated with zod.
import { z } from "zod";

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .min(1, "is required")
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`);

const required = z.string().trim().min(1, "is required");
const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

/** "on" or "off" (any case), with a default; an empty value counts as unset. */
const onOff = (fallback: "on" | "off") =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase() || undefined : value),
    z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default(fallback),
  );

/** A whole number with a default; an empty value counts as unset. */
const count = (fallback: number, max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.coerce.number().int().min(1).max(max).default(fallback));

/** A tenant ID (a GUID, as Entra ID writes it in tokens: lower case); an empty value counts as unset. */
const tenantId = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() || undefined : value),
  z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "must be a tenant ID (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47)").optional(),
);

const databaseShape = {
  DATABASE_URL: url(["postgresql:", "postgres:"]),
  /** Connections per instance; the embedded PGlite server takes exactly one. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * How many different statements each connection keeps prepared, so the server plans them once per
   * connection rather than on every run; 0 prepares none (the embedded server, whose one session
   * outlives the connections, and poolers that do not keep a connection's prepared statements).
   */
  DATABASE_STATEMENT_CACHE: z.coerce.number().int().min(0).max(10_000).default(200),
};

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    ...databaseShape,
    AZURE_STORAGE_CONNECTION_STRING: required.refine(
      (value) => value === "UseDevelopmentStorage=true" || /(AccountName|BlobEndpoint)=/i.test(value),
      "must be an Azure Storage connection string (AccountName=...;AccountKey=...;BlobEndpoint=...)",
    ),
    AZURE_STORAGE_CONTAINER: z
      .string()
      .trim()
      .regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, "must be a valid container name (3-63 lowercase letters, digits, hyphens)"),
    SMTP_URL: url(["smtp:", "smtps:"]),
    MAIL_FROM: required.refine(
      (value) => /<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$/.test(value),
      'must be an address such as "CPOR claims <no-reply@example.com>"',
    ),
    APP_URL: url(["http:", "https:"]).transform((value) => value.replace(/\/+$/, "")),
    AUTH_SECRET: required.min(32, "must be at least 32 characters (generate one with `openssl rand -base64 33`)"),
    AUTH_MICROSOFT_ENTRA_ID_ID: optional,
    AUTH_MICROSOFT_ENTRA_ID_SECRET: optional,
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: optional.refine(
      (value) => value === undefined || /^https:\/\/[^/]+\/[^/]+\/v2\.0\/?$/.test(value),
      "must be Entra ID's v2.0 issuer, https://login.microsoftonline.com/organizations/v2.0 (any work account; the tenant decides) or https://login.microsoftonline.com/<tenant-id>/v2.0",
    ),
    /** Microsoft's own tenant: the only one whose accounts the Reviewer app role makes reviewers (lib/auth/entra.ts). */
    AUTH_REVIEWER_TENANT_ID: tenantId,
    /**
     * "on": people may sign in with a link sent by email (known addresses only). Unset: on in development
     * and with the embedded services (scripts/run.ts sets it), off in production.
     */
    AUTH_EMAIL_LINK: z.preprocess(
      (value) => (typeof value === "string" ? value.trim().toLowerCase() || undefined : value),
      z.enum(["on", "off"], { message: 'must be "on" or "off"' }).optional(),
    ),
    /** Web inbox of the local mail catcher; set by the embedded run so sign-in can point to it. */
    MAIL_INBOX_URL: optional,
    /** Days a customer's approve/decline link stays valid (lib/notify/tokens.ts). */
    CUSTOMER_LINK_TTL_DAYS: count(30, 365),
    /** Days without a customer answer before a reminder (at most two) is sent (lib/notify/reminders.ts). */
    REMINDER_DAYS: count(7, 90),
    /** Sign-in link requests allowed per email address in 15 minutes (lib/auth/sign-in-limit.ts). */
    SIGN_IN_LIMIT_PER_EMAIL: count(5, 1000),
    /** Sign-in link requests allowed per client address in 15 minutes; raise it for many users behind one NAT. */
    SIGN_IN_LIMIT_PER_CLIENT: count(20, 100_000),
    /** REST API requests allowed per personal access token in one minute (lib/api/rate-limit.ts). */
    API_RATE_LIMIT_PER_MINUTE: count(120, 100_000),
    /** "off" keeps the portal process from doing background work, the outbox and the periodic jobs (then run `npm run worker` separately). */
    WORKER: onOff("on"),
    /**
     * "on" when a reverse proxy or load balancer in front sets X-Forwarded-Host/-Proto/-For: then they
     * name the request's origin and client. "off" (default): they are removed from every request
     * (proxy.ts) and the Host header and the connection count.
     */
    TRUSTED_PROXY: onOff("off"),
    /** "on" shows every dependency's status and latency on /api/health to anyone, not only to reviewers. */
    HEALTH_DETAIL: onOff("off"),
    /**
     * "true" lets webhook endpoints be http:// URLs and private, loopback or link-local addresses (local
     * development and tests). Default "false": https only, public addresses only (lib/webhooks/address.ts).
     */
    WEBHOOK_ALLOW_PRIVATE: z.preprocess(
      (value) => (typeof value === "string" ? value.trim().toLowerCase() || undefined : value),
      z.enum(["true", "false"], { message: 'must be "true" or "false"' }).default("false").transform((value) => value === "true"),
    ),
  })
  .superRefine((env, ctx) => {
    const entra = [env.AUTH_MICROSOFT_ENTRA_ID_ID, env.AUTH_MICROSOFT_ENTRA_ID_SECRET, env.AUTH_MICROSOFT_ENTRA_ID_ISSUER];
    if (entra.some(Boolean) && !entra.every(Boolean)) {
      for (const key of ["AUTH_MICROSOFT_ENTRA_ID_ID", "AUTH_MICROSOFT_ENTRA_ID_SECRET", "AUTH_MICROSOFT_ENTRA_ID_ISSUER"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when Microsoft Entra ID sign-in is configured" });
      }
    }
    if (emailLinkSetting(env) === "off" && !entra.some(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_EMAIL_LINK"],
        message: "is off (the default in production) and Microsoft Entra ID is not configured, so nobody could sign in: configure AUTH_MICROSOFT_ENTRA_ID_* or set AUTH_EMAIL_LINK=on",
      });
    }
  })
  .transform((env) => ({ ...env, AUTH_EMAIL_LINK: emailLinkSetting(env) }));

function emailLinkSetting(env: { NODE_ENV: string; AUTH_EMAIL_LINK?: "on" | "off" }): "on" | "off" {
  return env.AUTH_EMAIL_LINK ?? (env.NODE_ENV === "production" ? "off" : "on");
}

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every variable.`);
    this.name = "EnvError";
  }
}

/** Validates a set of variables; throws EnvError naming each missing or malformed one. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(envSchema, source);
}

function parseWith<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join(".");
    const message = issue.code === "invalid_type" && source[key] === undefined ? "is required" : issue.message;
    return `${key} ${message}`;
  });
  throw new EnvError(problems);
}

let cached: Env | undefined;

/** Only the database settings: for command-line tools (seed, benchmarks) that need nothing else. */
export function databaseEnv() {
  return parseWith(z.object(databaseShape), process.env);
}

/** The validated environment of this process (read once). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const entraConfigured = (e: Env) => Boolean(e.AUTH_MICROSOFT_ENTRA_ID_ID);

/** Whether people may ask for a sign-in link by email (AUTH_EMAIL_LINK). */
export const emailLinkEnabled = (e: Env) => e.AUTH_EMAIL_LINK === "on";

/**
 * Auth.js builds its links and redirects from AUTH_URL when it is set (@auth/core's createActionURL,
 * next-auth's reqWithEnvURL), and otherwise from the request's X-Forwarded-Host, which any client can
 * send. Pins it to APP_URL's origin, whatever it was, before Auth.js reads it.
 */
export function pinAuthUrl(e: Env = env()) {
  process.env.AUTH_URL = new URL(e.APP_URL).origin;
}
