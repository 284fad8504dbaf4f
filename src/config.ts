import { existsSync } from 'node:fs';
import { z } from 'zod/v4';
import { AppError } from './core/errors.js';
import { Role } from './core/staff.js';

/** A whole number in a range, explained in words when it is not ("a whole number from 1 to 65535"). */
const wholeNumber = (min: number, max: number) => {
  const error = `a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

/**
 * A PostgreSQL connection URL (`postgres://user:password@host:5432/database`). The message never
 * repeats the value: it may hold a password.
 */
const postgresUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '' && u.pathname.length > 1;
  } catch {
    return false;
  }
}, 'a PostgreSQL URL such as postgres://user:password@db.example.org:5432/graduated (postgres:// or postgresql://, a host and a database name)');

/**
 * Every setting the bot reads, parsed once at start-up. `.env.example` lists exactly these keys.
 * Defaults make local mode work with no Teams or Slack credentials.
 */
export const Env = z.object({
  KNOWLEDGE_PACK: z.string().min(1).default('worcestershire'),
  DATA_DIR: z.string().min(1).default('./data'),
  // Set for PostgreSQL (several instances, one database); unset keeps the lowdb data folder.
  DATABASE_URL: postgresUrl.optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  PSP_REVIEW_INTERVAL_DAYS: wholeNumber(21, 28).default(21),
  LOCAL_USER_ID: z.string().min(1).max(128).default('local-sendco'),
  LOCAL_USER_ROLE: Role.default('sendco'),
  LOCAL_SCHOOL_ID: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a school id such as "demo-school"')
    .default('demo-school'),
  STAFF_FILE: z.string().min(1).optional(),
  // Reminders: the school calendar (term dates, closures, morning hour, quiet hours) and pacing.
  CALENDAR_FILE: z.string().min(1).optional(),
  REMINDER_RESEND_SCHOOL_DAYS: wholeNumber(1, 20).default(3),
  REMINDER_POLL_SECONDS: wholeNumber(5, 3600).default(60),
  NODE_ENV: z.string().optional(),
  HOST: z.string().min(1).optional(),
  PORT: wholeNumber(1, 65535).default(3978),
  // Bot Framework's own names, so Azure's settings and the SDK samples carry over unchanged.
  MicrosoftAppId: z.guid('a GUID (the Azure Bot app id)').optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppTenantId: z.guid('a GUID (the Entra tenant id)').optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  // Slack: a bot token plus either the signing secret (HTTP events) or an app-level token (Socket Mode).
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, 'a bot token starting xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(8).optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, 'an app-level token starting xapp-').optional(),
  SLACK_COMMAND: z.string().regex(/^\/[a-z0-9_-]{1,31}$/, 'a slash command such as /graduated').default('/graduated'),
  // Only read by `npm run package:teams` when it builds the Teams app package.
  TEAMS_APP_ID: z.guid('a GUID (the Teams app id)').optional(),
  BOT_DOMAIN: z.string().min(1).optional(),
});

export type Config = {
  knowledgePack: string;
  dataDir: string;
  /** Set: every store is in this PostgreSQL database, and several instances may share it. Unset: the lowdb data folder. */
  databaseUrl?: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  pspReviewIntervalDays: number;
  localUser: { id: string; role: Role; schoolId: string };
  /** A JSON file of staff roles (`{ "staff": [...] }`), for the first admin. */
  staffFile?: string;
  reminders: { calendarFile?: string; resendEverySchoolDays: number; pollSeconds: number };
  server: { host: string; port: number; production: boolean };
  /** Absent in local mode: no Bot Framework authentication, loopback only. */
  teams?: { appId: string; appPassword?: string; tenantId?: string; appType: z.infer<typeof Env>['MicrosoftAppType'] };
  /** Absent when Slack is off. `appToken` means Socket Mode (no public URL needed). */
  slack?: { botToken: string; signingSecret?: string; appToken?: string; command: string };
};

/** Reads `.env` into the environment if there is one; variables already set win, as usual. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Parses settings; throws AppError('config') with one line naming the variable and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new AppError(`Setting ${name} is not valid: ${issue.message}. See .env.example.`, 'config');
  }
  const e = parsed.data;
  const teams = e.MicrosoftAppId
    ? {
        appId: e.MicrosoftAppId,
        appType: e.MicrosoftAppType,
        ...(e.MicrosoftAppPassword ? { appPassword: e.MicrosoftAppPassword } : {}),
        ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
      }
    : undefined;
  const slack = slackSettings(e);
  return {
    ...(slack ? { slack } : {}),
    ...(e.STAFF_FILE ? { staffFile: e.STAFF_FILE } : {}),
    reminders: { resendEverySchoolDays: e.REMINDER_RESEND_SCHOOL_DAYS, pollSeconds: e.REMINDER_POLL_SECONDS, ...(e.CALENDAR_FILE ? { calendarFile: e.CALENDAR_FILE } : {}) },
    // With credentials the bot must be reachable by the Bot Connector; without them, only from this machine.
    server: { host: e.HOST ?? (teams ? '0.0.0.0' : '127.0.0.1'), port: e.PORT, production: e.NODE_ENV === 'production' },
    ...(teams ? { teams } : {}),
    knowledgePack: e.KNOWLEDGE_PACK,
    dataDir: e.DATA_DIR,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    logLevel: e.LOG_LEVEL,
    pspReviewIntervalDays: e.PSP_REVIEW_INTERVAL_DAYS,
    localUser: { id: e.LOCAL_USER_ID, role: e.LOCAL_USER_ROLE, schoolId: e.LOCAL_SCHOOL_ID },
  };
}

function slackSettings(e: z.infer<typeof Env>): Config['slack'] {
  const any = e.SLACK_BOT_TOKEN ?? e.SLACK_SIGNING_SECRET ?? e.SLACK_APP_TOKEN;
  if (!any) return undefined;
  if (!e.SLACK_BOT_TOKEN) throw new AppError('Slack settings are incomplete: SLACK_BOT_TOKEN is missing. Set it, or remove the other SLACK_ settings to keep Slack off.', 'config');
  if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN)
    throw new AppError('Slack settings are incomplete: set SLACK_SIGNING_SECRET (events over HTTP) or SLACK_APP_TOKEN (Socket Mode).', 'config');
  return {
    botToken: e.SLACK_BOT_TOKEN,
    command: e.SLACK_COMMAND,
    ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
  };
}

/** A summary safe to log: no secrets, no pupil data. */
export function describeConfig(c: Config): string {
  const auth = c.teams ? `teams-app=${c.teams.appId} (${c.teams.appType})` : 'teams-auth=off (local mode)';
  const slack = c.slack ? `slack=${c.slack.appToken ? 'socket-mode' : 'http /slack/events'} ${c.slack.command}` : 'slack=off';
  // The database by host and name only: the URL may carry a password.
  const data = c.databaseUrl ? `postgres://${new URL(c.databaseUrl).host}${new URL(c.databaseUrl).pathname}` : c.dataDir;
  return `pack=${c.knowledgePack} data=${data} psp-review-days=${c.pspReviewIntervalDays} local-user-role=${c.localUser.role} listen=${c.server.host}:${c.server.port} ${auth} ${slack}`;
}
