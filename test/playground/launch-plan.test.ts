import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { listenMode } from '../../src/server/listen-policy.js';
import { ignoresCredentials, launchPlan } from '../../scripts/playground/launch-plan.js';

describe('npm run playground: what it runs', () => {
  it('runs the bot in local mode on this machine even when .env holds Teams and Slack credentials the Playground cannot use', () => {
    const env = {
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: '11111111-2222-3333-4444-555555555555',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'abcdefgh12345678',
      HOST: '0.0.0.0',
      NODE_ENV: 'production',
      DATA_DIR: './my-data',
    };
    expect(ignoresCredentials(env)).toBe(true);
    const plan = launchPlan(env, { bot: 4000, playground: 4001 }, '/tmp/x/playground.log');
    const config = loadConfig(plan.bot.env);
    expect(listenMode(config).teams).toBe('local');
    expect(config.slack).toBeUndefined();
    expect(config.server).toEqual({ host: '127.0.0.1', port: 4000, production: false });
    // Everything else in .env still applies: the same data folder as `npm start`.
    expect(config.dataDir).toBe('./my-data');
    expect(plan.playground.args).toEqual(expect.arrayContaining(['--app-endpoint', 'http://127.0.0.1:4000/api/messages', '--service-url', 'http://127.0.0.1:4001/_connector', '--disable-telemetry']));
  });

  it('says nothing about credentials when there are none', () => {
    expect(ignoresCredentials({ MicrosoftAppId: '', PORT: '3978' })).toBe(false);
  });
});
