import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths come from this file's location, not the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SLACK_MANIFEST_DIR = join(REPO_ROOT, 'manifest', 'slack');
/** Events, commands and interactivity over HTTPS at https://YOUR-HOST/slack/events. */
export const HTTP_MANIFEST_PATH = join(SLACK_MANIFEST_DIR, 'manifest.json');
/** The same app over Socket Mode: no request URLs, needs an app-level token. */
export const SOCKET_MANIFEST_PATH = join(SLACK_MANIFEST_DIR, 'manifest.socket-mode.json');
export const SLACK_SETUP_DOC_PATH = join(REPO_ROOT, 'docs', 'slack-setup.md');

/** The host placeholder people replace with the bot's public host name. */
export const HOST_PLACEHOLDER = 'YOUR-HOST';

export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
