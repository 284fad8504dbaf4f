import type { SlackManifest } from './schema.js';

/**
 * Our own rules for the two Slack manifests, on top of Slack's limits in schema.ts. Each check
 * returns readable problems; an empty list means all is well.
 */

/** Where the bot serves Slack's events, commands and interactivity (one Bolt receiver, one path). */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * The bot scope each subscribed event needs (Slack's event reference). An event missing here is a
 * problem too, so adding one means looking up its scope first.
 */
export const EVENT_SCOPES: Readonly<Record<string, readonly string[]>> = {
  app_home_opened: [],
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
};

/** Every bot scope we ask for, and why. Anything else is scope creep until it is added here and to docs/slack-setup.md. */
export const SCOPE_REASONS: Readonly<Record<string, string>> = {
  commands: 'the /graduated slash command',
  'chat:write': 'sending replies and messages as the bot',
  'im:history': 'receiving the messages people send the bot in its direct-message (Messages) tab',
  'im:read': 'basic details of the direct-message conversations the bot is in',
  'im:write': 'starting a direct message with a person, for messages the bot sends first (reminders)',
  'files:write': 'uploading a file a person asks for (the evidence pack, the LA figures as CSV) to their direct messages with the bot',
  'app_mentions:read': 'receiving messages that @mention the bot in a channel it has been added to',
};

const botScopes = (m: SlackManifest): string[] => m.oauth_config?.scopes?.bot ?? [];
const botEvents = (m: SlackManifest): string[] => m.settings?.event_subscriptions?.bot_events ?? [];

export function eventScopeProblems(m: SlackManifest): string[] {
  const scopes = new Set(botScopes(m));
  return botEvents(m).flatMap((event) => {
    const needed = EVENT_SCOPES[event];
    if (!needed) return [`bot event ${event} has no entry in EVENT_SCOPES: look up the scope it needs`];
    return needed.filter((s) => !scopes.has(s)).map((s) => `bot event ${event} needs the ${s} scope`);
  });
}

export function scopeProblems(m: SlackManifest): string[] {
  return botScopes(m)
    .filter((s) => !(s in SCOPE_REASONS))
    .map((s) => `scope ${s} is not in SCOPE_REASONS: say why the bot needs it (and in docs/slack-setup.md)`);
}

/** Every string in the manifest that looks like a URL, or sits under a key named like one, by JSON path. */
export function findUrls(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => findUrls(v, `${path}/${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => (/url/i.test(k) && v !== undefined ? [`${path}/${k}`] : findUrls(v, `${path}/${k}`)));
  return typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? [path] : [];
}

/** The HTTP manifest: one https URL ending in /slack/events for commands, events, interactivity and select menus' options. */
export function httpModeProblems(m: SlackManifest): string[] {
  const problems: string[] = [];
  if (m.settings?.socket_mode_enabled !== false) problems.push('settings.socket_mode_enabled must be false');
  const urls: [string, string | undefined][] = [
    ...(m.features?.slash_commands ?? []).map((c, i): [string, string | undefined] => [`features.slash_commands[${i}].url`, c.url]),
    ['settings.event_subscriptions.request_url', m.settings?.event_subscriptions?.request_url],
    ...(m.settings?.interactivity?.is_enabled
      ? [
          ['settings.interactivity.request_url', m.settings.interactivity.request_url] as [string, string | undefined],
          // The pupil picker (an external_select) asks here for its options.
          ['settings.interactivity.message_menu_options_url', m.settings.interactivity.message_menu_options_url] as [string, string | undefined],
        ]
      : []),
  ];
  for (const [where, url] of urls) {
    if (!url) {
      problems.push(`${where} is missing`);
      continue;
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${where} is not a URL: ${url}`);
      continue;
    }
    if (parsed.protocol !== 'https:') problems.push(`${where} must use https: ${url}`);
    if (!url.endsWith(SLACK_EVENTS_PATH) || parsed.pathname !== SLACK_EVENTS_PATH) problems.push(`${where} must end with ${SLACK_EVENTS_PATH}: ${url}`);
  }
  if (new Set(urls.map(([, u]) => u)).size > 1) problems.push('commands, events, interactivity and select menu options must all use the same URL');
  return problems;
}

/** The Socket Mode manifest: Slack refuses request URLs when Socket Mode is on. */
export function socketModeProblems(m: SlackManifest): string[] {
  const problems = findUrls(m).map((p) => `${p} must not be set in Socket Mode`);
  if (m.settings?.socket_mode_enabled !== true) problems.unshift('settings.socket_mode_enabled must be true');
  return problems;
}

/** A copy without the settings that differ between HTTP and Socket Mode, so the two can be compared whole. */
export function withoutTransport(m: SlackManifest): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => !/url/i.test(k) && k !== 'socket_mode_enabled').map(([k, x]) => [k, strip(x)]));
    return v;
  };
  return strip(m);
}
