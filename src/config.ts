import { z } from 'zod/v4';
import { AppError } from './core/errors.js';
import { Role } from './core/staff.js';

/**
 * Every setting the bot reads, parsed once at start-up. `.env.example` lists exactly these keys.
 * Defaults make local mode work with no Teams or Slack credentials.
 */
export const Env = z.object({
  KNOWLEDGE_PACK: z.string().min(1).default('worcestershire'),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  PSP_REVIEW_INTERVAL_DAYS: z.coerce.number().int().min(21).max(28).default(21),
  LOCAL_USER_ID: z.string().min(1).max(128).default('local-sendco'),
  LOCAL_USER_ROLE: Role.default('sendco'),
  LOCAL_SCHOOL_ID: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a school id such as "demo-school"')
    .default('demo-school'),
});

export type Config = {
  knowledgePack: string;
  dataDir: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  pspReviewIntervalDays: number;
  localUser: { id: string; role: Role; schoolId: string };
};

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
  return {
    knowledgePack: e.KNOWLEDGE_PACK,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    pspReviewIntervalDays: e.PSP_REVIEW_INTERVAL_DAYS,
    localUser: { id: e.LOCAL_USER_ID, role: e.LOCAL_USER_ROLE, schoolId: e.LOCAL_SCHOOL_ID },
  };
}

/** A summary safe to log: no secrets, no pupil data. */
export function describeConfig(c: Config): string {
  return `pack=${c.knowledgePack} data=${c.dataDir} psp-review-days=${c.pspReviewIntervalDays} local-user-role=${c.localUser.role}`;
}
