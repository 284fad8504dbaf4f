import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_SCOPES, SCOPE_REASONS, SLACK_EVENTS_PATH, eventScopeProblems, findUrls, httpModeProblems, scopeProblems, socketModeProblems, withoutTransport } from '../../scripts/slack-manifest/checks.js';
import { HOST_PLACEHOLDER, HTTP_MANIFEST_PATH, SLACK_SETUP_DOC_PATH, SOCKET_MANIFEST_PATH, readJson } from '../../scripts/slack-manifest/paths.js';
import { SlackManifest, validateSlackManifest } from '../../scripts/slack-manifest/schema.js';
import { Env } from '../../src/config.js';
import { recognise } from '../../src/dialogs/intents.js';
import { recogniseStaffCommand } from '../../src/dialogs/staff-commands.js';

const load = (path: string): SlackManifest => SlackManifest.parse(readJson(path));
const http = (): SlackManifest => load(HTTP_MANIFEST_PATH);
const socket = (): SlackManifest => load(SOCKET_MANIFEST_PATH);
const both = [
  ['manifest.json', HTTP_MANIFEST_PATH],
  ['manifest.socket-mode.json', SOCKET_MANIFEST_PATH],
] as const;

/** A deep copy to break, typed loosely so tests can put in what the schema forbids. */
const copy = (m: SlackManifest): Record<string, any> => structuredClone(m) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Slack manifests', () => {
  it.each(both)('%s is within Slack’s documented limits', (_name, path) => {
    expect(validateSlackManifest(readJson(path))).toEqual([]);
    const m = load(path);
    expect(m._metadata).toEqual({ major_version: 1, minor_version: 1 });
    // Optional to Slack, but we set them: check they are really there, so the limits above were applied.
    expect(m.display_information.description).toBeDefined();
    expect(m.display_information.long_description).toBeDefined();
    expect(m.display_information.background_color).toBeDefined();
  });

  it.each(both)('%s sets up the App Home, bot user and settings the bot relies on', (_name, path) => {
    const m = load(path);
    expect(m.features?.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(m.features?.bot_user).toEqual({ display_name: 'Graduated Response', always_online: true });
    expect(m.settings?.interactivity?.is_enabled).toBe(true);
    expect(m.settings?.org_deploy_enabled).toBe(false);
    expect(m.settings?.token_rotation_enabled).toBe(false);
    expect(m.settings?.event_subscriptions?.bot_events?.slice().sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
  });

  it.each(both)('%s asks only for scopes we can justify, including every scope its events need', (_name, path) => {
    const m = load(path);
    expect(eventScopeProblems(m)).toEqual([]);
    expect(scopeProblems(m)).toEqual([]);
    // And no justified scope goes unused: the list and the manifest match exactly.
    expect(m.oauth_config?.scopes?.bot?.slice().sort()).toEqual(Object.keys(SCOPE_REASONS).sort());
    expect(m.oauth_config?.scopes?.user).toBeUndefined();
  });

  // Escaped, an @-mention after the command arrives as <@U123|name>, which says who it is; unescaped it is a name.
  it('offers one slash command, the default SLACK_COMMAND, escaped so a mention carries the person’s id', () => {
    for (const [, path] of both) {
      const commands = load(path).features?.slash_commands ?? [];
      expect(commands).toHaveLength(1);
      expect(commands[0]!.command).toBe(Env.parse({}).SLACK_COMMAND);
      expect(commands[0]!.should_escape).toBe(true);
    }
  });

  it('hints only at things the bot understands after the command, the newer ones included', () => {
    const hint = http().features!.slash_commands![0]!.usage_hint!;
    const options = hint.split('|').map((o) => o.trim().replace(/<need>/, 'attendance').replace(/<ref>/, '4021'));
    expect(options.length).toBeGreaterThan(5);
    for (const o of options) expect(recognise(o).kind !== 'unknown' || recogniseStaffCommand(o) !== undefined, o).toBe(true);
    expect(options).toEqual(expect.arrayContaining(['pupil 4021', 'my-pupils', 'update 4021', 'exclusion']));
    // Short enough to read in Slack's command menu.
    expect(hint.length).toBeLessThanOrEqual(140);
  });

  it('the HTTP manifest sends commands, events, interactivity and the pupil picker’s options to https://YOUR-HOST/slack/events', () => {
    const m = http();
    expect(httpModeProblems(m)).toEqual([]);
    expect(findUrls(m).sort()).toEqual(['/features/slash_commands/0/url', '/settings/event_subscriptions/request_url', '/settings/interactivity/message_menu_options_url', '/settings/interactivity/request_url']);
    for (const url of [m.features!.slash_commands![0]!.url, m.settings!.event_subscriptions!.request_url, m.settings!.interactivity!.request_url, m.settings!.interactivity!.message_menu_options_url])
      expect(url).toBe(`https://${HOST_PLACEHOLDER}${SLACK_EVENTS_PATH}`);
  });

  it('the Socket Mode manifest has Socket Mode on and no URLs at all', () => {
    expect(socketModeProblems(socket())).toEqual([]);
    expect(findUrls(socket())).toEqual([]);
  });

  it('the two manifests differ only in URLs and socket_mode_enabled', () => {
    expect(withoutTransport(socket())).toEqual(withoutTransport(http()));
  });

  it('the set-up guide names every scope, event, setting and file it needs to', () => {
    const doc = readFileSync(SLACK_SETUP_DOC_PATH, 'utf8');
    const names = [
      ...Object.keys(SCOPE_REASONS),
      ...Object.keys(EVENT_SCOPES),
      'connections:write',
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'SLACK_APP_TOKEN',
      'SLACK_COMMAND',
      'manifest/slack/manifest.json',
      'manifest/slack/manifest.socket-mode.json',
      HOST_PLACEHOLDER,
      SLACK_EVENTS_PATH,
      Env.parse({}).SLACK_COMMAND,
      String(Env.parse({}).PORT),
    ];
    // Named in code font, so a scope such as `commands` is not matched by ordinary prose.
    const code = [...doc.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
    for (const n of names) expect(code.some((c) => c.includes(n)), n).toBe(true);
  });
});

describe('Slack manifest checks can fail', () => {
  it('the schema rejects a broken manifest and says where', () => {
    const m = copy(http());
    m.display_information.name = 'x'.repeat(36);
    m.display_information.long_description = 'Too short.';
    m.display_information.background_color = 'teal';
    m.features.bot_user.display_name = 'x'.repeat(81);
    m.features.slash_commands[0].command = 'graduated';
    m.features.slash_commands[0].usage_hint = 'x'.repeat(1001);
    m.features.slash_commands[0].description = 'x'.repeat(2001);
    m.oauth_config.scopes.bot.push('chat:write');
    m.settings.slash_command = true;
    const errors = validateSlackManifest(m);
    for (const path of [
      '/display_information/name:',
      '/display_information/long_description:',
      '/display_information/background_color:',
      '/features/bot_user/display_name:',
      '/features/slash_commands/0/command:',
      '/features/slash_commands/0/usage_hint:',
      '/features/slash_commands/0/description:',
      '/oauth_config/scopes/bot:',
      '/settings:',
    ])
      expect(errors.some((e) => e.startsWith(path)), `${path} in ${errors.join('; ')}`).toBe(true);
  });

  it('the schema rejects a description over 140 characters and a missing _metadata', () => {
    const m = copy(http());
    m.display_information.description = 'x'.repeat(141);
    delete m._metadata;
    const errors = validateSlackManifest(m);
    expect(errors.some((e) => e.startsWith('/display_information/description:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/_metadata:'))).toBe(true);
  });

  it('flags an event whose scope is missing, and an event nobody has looked up', () => {
    const m = copy(http());
    m.oauth_config.scopes.bot = m.oauth_config.scopes.bot.filter((s: string) => s !== 'im:history' && s !== 'app_mentions:read');
    m.settings.event_subscriptions.bot_events.push('reaction_added');
    expect(eventScopeProblems(m as SlackManifest)).toEqual([
      'bot event message.im needs the im:history scope',
      'bot event app_mention needs the app_mentions:read scope',
      'bot event reaction_added has no entry in EVENT_SCOPES: look up the scope it needs',
    ]);
  });

  it('flags a scope nobody has justified', () => {
    const m = copy(http());
    m.oauth_config.scopes.bot.push('users:read');
    expect(scopeProblems(m as SlackManifest)).toEqual([expect.stringContaining('scope users:read')]);
  });

  it('flags plain http, the wrong path, a missing URL and Socket Mode in the HTTP manifest', () => {
    const m = copy(http());
    m.features.slash_commands[0].url = 'http://YOUR-HOST/slack/events';
    m.settings.event_subscriptions.request_url = 'https://YOUR-HOST/api/messages';
    delete m.settings.interactivity.request_url;
    delete m.settings.interactivity.message_menu_options_url;
    m.settings.socket_mode_enabled = true;
    const problems = httpModeProblems(m as SlackManifest);
    expect(problems).toEqual(
      expect.arrayContaining([
        'settings.socket_mode_enabled must be false',
        'features.slash_commands[0].url must use https: http://YOUR-HOST/slack/events',
        'settings.event_subscriptions.request_url must end with /slack/events: https://YOUR-HOST/api/messages',
        'settings.interactivity.request_url is missing',
        'settings.interactivity.message_menu_options_url is missing',
      ]),
    );
  });

  it('flags a URL left in the Socket Mode manifest, and Socket Mode left off', () => {
    const m = copy(socket());
    m.settings.interactivity.request_url = 'https://YOUR-HOST/slack/events';
    m.settings.socket_mode_enabled = false;
    expect(socketModeProblems(m as SlackManifest)).toEqual(['settings.socket_mode_enabled must be true', '/settings/interactivity/request_url must not be set in Socket Mode']);
  });

  it('notices when the two manifests drift apart', () => {
    const m = copy(socket());
    m.oauth_config.scopes.bot.push('users:read');
    expect(withoutTransport(m as SlackManifest)).not.toEqual(withoutTransport(http()));
  });
});
