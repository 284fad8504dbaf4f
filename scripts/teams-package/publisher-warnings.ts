/** The template ships with stand-in publisher details; each local authority must put in its own. */
const STAND_IN_NAME = 'Your local authority';
const STAND_IN_HOST = 'example.org';

interface Developer {
  name?: unknown;
  websiteUrl?: unknown;
  privacyUrl?: unknown;
  termsOfUseUrl?: unknown;
}

/**
 * Developer fields still holding the template's stand-ins. A warning, not an error:
 * a test package is fine with them, but staff should see the real publisher and privacy notice.
 */
export function standInPublisherFields(manifest: unknown): string[] {
  const dev: Developer = (manifest as { developer?: Developer } | null)?.developer ?? {};
  const fields: string[] = [];
  if (dev.name === STAND_IN_NAME) fields.push('developer.name');
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl'] as const) {
    const url = dev[key];
    if (typeof url === 'string' && URL.canParse(url) && new URL(url).hostname === STAND_IN_HOST) fields.push(`developer.${key}`);
  }
  return fields;
}
