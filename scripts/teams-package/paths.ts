import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Paths come from this file's location, not the working directory, so the script works from anywhere. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TEMPLATE_DIR = join(REPO_ROOT, 'manifest', 'teams');
export const TEMPLATE_PATH = join(TEMPLATE_DIR, 'manifest.json');
export const DEFAULT_ZIP_PATH = join(REPO_ROOT, 'build', 'teams-app.zip');
