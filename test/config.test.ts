import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeConfig, Env, loadConfig } from '../src/config.js';
import { listenMode } from '../src/server/listen-policy.js';

describe('configuration', () => {
  it('runs local mode on embedded defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ knowledgePack: 'worcestershire', pspReviewIntervalDays: 21, localUser: { role: 'sendco' } });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PSP_REVIEW_INTERVAL_DAYS: '' }).pspReviewIntervalDays).toBe(21);
  });

  it('names the variable and what it expects when a setting is wrong', () => {
    expect(() => loadConfig({ PSP_REVIEW_INTERVAL_DAYS: '35' })).toThrow(/^Setting PSP_REVIEW_INTERVAL_DAYS is not valid: .*28.*See \.env\.example\.$/);
    expect(() => loadConfig({ LOCAL_USER_ROLE: 'headmaster' })).toThrow(/Setting LOCAL_USER_ROLE is not valid/);
    expect(() => loadConfig({ LOCAL_SCHOOL_ID: '../etc' })).toThrow(/LOCAL_SCHOOL_ID.*school id/);
    // In words, not the parser's ("expected number, received NaN").
    for (const port of ['abc', '80.5', '0']) expect(() => loadConfig({ PORT: port })).toThrow('Setting PORT is not valid: a whole number from 1 to 65535. See .env.example.');
  });

  it('names the missing tenant id for a single-tenant bot instead of failing later with an SDK error', () => {
    const id = '11111111-2222-3333-4444-555555555555';
    expect(() => listenMode(loadConfig({ MicrosoftAppId: id, MicrosoftAppPassword: 'secret' }))).toThrow(/^MicrosoftAppTenantId is not set.*MultiTenant\.$/);
    expect(listenMode(loadConfig({ MicrosoftAppId: id, MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' }))).toEqual({ teams: 'authenticated' });
  });

  it('summarises settings without secrets or pupil data', () => {
    expect(describeConfig(loadConfig({}))).toBe('pack=worcestershire data=./data psp-review-days=21 local-user-role=sendco listen=127.0.0.1:3978 teams-auth=off (local mode) slack=off');
    const withTeams = describeConfig(loadConfig({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'very-secret' }));
    expect(withTeams).toContain('listen=0.0.0.0:3978');
    expect(withTeams).not.toContain('very-secret');
  });
});

describe('DATABASE_URL', () => {
  it('keeps the data folder when unset, and takes a PostgreSQL URL', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://bot:pw@db.example.org:5432/graduated?sslmode=verify-full' }).databaseUrl).toBe('postgres://bot:pw@db.example.org:5432/graduated?sslmode=verify-full');
    expect(loadConfig({ DATABASE_URL: 'postgresql://127.0.0.1/graduated' }).databaseUrl).toBe('postgresql://127.0.0.1/graduated');
  });

  it('explains a bad URL in one line, never repeating it (it may hold a password)', () => {
    for (const bad of ['mysql://bot:hunter2@db/graduated', 'postgres://bot:hunter2@db.example.org', 'db.example.org:5432/graduated', 'postgres://:5432/x']) {
      const err = (() => {
        try {
          loadConfig({ DATABASE_URL: bad });
        } catch (e) {
          return e as Error;
        }
      })();
      expect(err?.message).toBe('Setting DATABASE_URL is not valid: a PostgreSQL URL such as postgres://user:password@db.example.org:5432/graduated (postgres:// or postgresql://, a host and a database name). See .env.example.');
    }
  });

  it('names the database in the start-up summary without its password', () => {
    const line = describeConfig(loadConfig({ DATABASE_URL: 'postgres://bot:hunter2@db.example.org:5432/graduated' }));
    expect(line).toContain('data=postgres://db.example.org:5432/graduated ');
    expect(line).not.toContain('hunter2');
  });
});

describe('Slack settings', () => {
  it('keeps Slack off with no settings, and names what is missing when half set', () => {
    expect(loadConfig({}).slack).toBeUndefined();
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 'abcdefgh12345678' })).toThrow(/SLACK_BOT_TOKEN is missing/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET .* or SLACK_APP_TOKEN/);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toEqual({ botToken: 'xoxb-1', appToken: 'xapp-1', command: '/graduated' });
    expect(describeConfig(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-secret', SLACK_SIGNING_SECRET: 'abcdefgh12345678' }))).toMatch(/slack=http \/slack\/events \/graduated$/);
  });
});

describe('.env.example', () => {
  it('documents exactly the settings the bot reads', () => {
    const documented = readFileSync('.env.example', 'utf8').split('\n').flatMap((l) => l.match(/^#?\s*([A-Za-z][A-Za-z0-9_]+)=/)?.[1] ?? []);
    expect(documented.sort()).toEqual(Object.keys(Env.shape).sort());
  });
});
