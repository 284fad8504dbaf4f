import { z } from 'zod/v4';

/**
 * The parts of a Slack app manifest (v1) that this bot uses, with Slack's documented limits.
 * Slack has no offline validator; the limits follow the "App manifest reference" and Slack's
 * published JSON schema (github.com/slackapi/manifest-schema, schemas/manifest.schema.1.0.0.json).
 *
 * Objects are strict: Slack accepts keys we do not model here, but in our manifest an unknown key
 * is far more likely a typo (`slash_command`) than a feature, so it fails.
 */

const HTTP_URL = /^https?:\/\//;
const HEX_COLOUR = /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/;

const unique = (items: readonly string[]) => new Set(items).size === items.length;

const Metadata = z.strictObject({
  major_version: z.literal(1),
  minor_version: z.int().min(0).optional(),
});

const DisplayInformation = z.strictObject({
  name: z.string().min(1).max(35),
  description: z.string().min(1).max(140).optional(),
  background_color: z.string().regex(HEX_COLOUR, 'a hex colour such as #1F6F78 or #000').optional(),
  long_description: z.string().min(175).max(4000).optional(),
});

const AppHome = z.strictObject({
  home_tab_enabled: z.boolean().optional(),
  messages_tab_enabled: z.boolean().optional(),
  messages_tab_read_only_enabled: z.boolean().optional(),
});

const BotUser = z.strictObject({
  display_name: z.string().min(1).max(80),
  always_online: z.boolean().optional(),
});

const SlashCommand = z.strictObject({
  command: z.string().min(2).max(32).regex(/^\//, 'starts with /'),
  url: z.string().max(3000).regex(HTTP_URL, 'an http(s) URL').optional(),
  description: z.string().min(1).max(2000),
  usage_hint: z.string().min(1).max(1000).optional(),
  should_escape: z.boolean().optional(),
});

const Features = z.strictObject({
  app_home: AppHome.optional(),
  bot_user: BotUser.optional(),
  slash_commands: z.array(SlashCommand).min(1).max(50).optional(),
});

const ScopeList = z.array(z.string().min(1).max(50)).max(255).refine(unique, 'lists a scope twice');

const OAuthConfig = z.strictObject({
  scopes: z.strictObject({ bot: ScopeList.optional(), user: ScopeList.optional() }).optional(),
});

const EventSubscriptions = z.strictObject({
  request_url: z.string().max(3500).regex(HTTP_URL, 'an http(s) URL').optional(),
  bot_events: z.array(z.string().min(1).max(50)).max(100).refine(unique, 'lists an event twice').optional(),
});

const Interactivity = z.strictObject({
  is_enabled: z.boolean(),
  request_url: z.string().max(3500).regex(HTTP_URL, 'an http(s) URL').optional(),
  /** The "Select Menus" options load URL: where an external_select asks for its options as the person types. */
  message_menu_options_url: z.string().max(3500).regex(HTTP_URL, 'an http(s) URL').optional(),
});

const Settings = z.strictObject({
  event_subscriptions: EventSubscriptions.optional(),
  interactivity: Interactivity.optional(),
  org_deploy_enabled: z.boolean().optional(),
  socket_mode_enabled: z.boolean().optional(),
  token_rotation_enabled: z.boolean().optional(),
});

export const SlackManifest = z.strictObject({
  _metadata: Metadata,
  display_information: DisplayInformation,
  features: Features.optional(),
  oauth_config: OAuthConfig.optional(),
  settings: Settings.optional(),
});
export type SlackManifest = z.infer<typeof SlackManifest>;

/** Schema problems as readable lines (`/features/slash_commands/0/command: ...`); empty when valid. */
export function validateSlackManifest(manifest: unknown): string[] {
  const parsed = SlackManifest.safeParse(manifest);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => `/${i.path.map(String).join('/')}: ${i.message}`);
}
