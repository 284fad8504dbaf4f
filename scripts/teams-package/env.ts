import { existsSync } from 'node:fs';
import { z } from 'zod/v4';

/** A DNS host name such as `bot.example.org`: no scheme, port or path, because Teams wants a bare domain. */
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

const guid = (name: string) => z.guid({ error: `${name} must be a GUID such as 00000000-0000-0000-0000-000000000000` });

export const TeamsPackageEnv = z.object({
  TEAMS_APP_ID: guid('TEAMS_APP_ID'),
  BOT_ID: guid('BOT_ID'),
  BOT_DOMAIN: z.string().regex(HOSTNAME, {
    error: 'BOT_DOMAIN must be a host name only, such as bot.example.org (no https://, port or path)',
  }),
});
export type TeamsPackageEnv = z.infer<typeof TeamsPackageEnv>;

export type EnvResult = { ok: true; value: TeamsPackageEnv } | { ok: false; message: string };

/** Node's own `.env` reader; values already in the environment win, as with `node --env-file`. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Reads the package settings; on failure returns one line that names every variable at fault. */
export function readTeamsEnv(env: NodeJS.ProcessEnv): EnvResult {
  const given = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  // The bot's app id is usually already set as MicrosoftAppId for the Bot Framework adapter.
  const raw = {
    TEAMS_APP_ID: given(env.TEAMS_APP_ID),
    BOT_ID: given(env.BOT_ID) ?? given(env.MicrosoftAppId),
    BOT_DOMAIN: given(env.BOT_DOMAIN),
  };
  const missing = Object.entries(raw)
    .filter(([, v]) => v === undefined)
    .map(([k]) => (k === 'BOT_ID' ? 'BOT_ID (or MicrosoftAppId)' : k));
  if (missing.length > 0) {
    return { ok: false, message: `Missing ${missing.join(', ')}: set ${missing.length > 1 ? 'them' : 'it'} in .env or the environment.` };
  }
  const parsed = TeamsPackageEnv.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join('; ') };
  return { ok: true, value: parsed.data };
}
