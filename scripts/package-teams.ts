/**
 * Builds the Microsoft Teams app package (build/teams-app.zip) from manifest/teams.
 *
 *   npm run package:teams                  # reads TEAMS_APP_ID, BOT_ID, BOT_DOMAIN (and .env)
 *   npm run package:teams -- --out x.zip   # somewhere else
 *
 * Output goes through process.stdout/stderr rather than console: the lint rule keeps console out of the codebase.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkCommandLists } from './teams-package/command-limits.js';
import { loadDotEnv, readTeamsEnv } from './teams-package/env.js';
import { checkColorIcon, checkOutlineIcon } from './teams-package/icons.js';
import { DEFAULT_ZIP_PATH, REPO_ROOT, TEMPLATE_DIR, TEMPLATE_PATH } from './teams-package/paths.js';
import { findPlaceholders, substitutePlaceholders } from './teams-package/placeholders.js';
import { standInPublisherFields } from './teams-package/publisher-warnings.js';
import { validateManifest } from './teams-package/schema.js';
import { buildAppZip } from './teams-package/zip.js';

class PackageError extends Error {}

interface Icons {
  color: string;
  outline: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true });
  const out = values.out ? resolve(values.out) : DEFAULT_ZIP_PATH;

  loadDotEnv();
  const env = readTeamsEnv(process.env);
  if (!env.ok) throw new PackageError(env.message);

  const template: unknown = JSON.parse(readFileSync(TEMPLATE_PATH, 'utf8'));
  const vars: Record<string, string> = env.value;
  // Checked values first; any other placeholder someone adds to the template comes straight from the environment.
  const { value: manifest, missing } = substitutePlaceholders(template, (name) => vars[name] ?? process.env[name]);
  if (missing.length > 0) throw new PackageError(`Missing ${missing.join(', ')}: manifest.json uses ${missing.map((n) => `\${{${n}}}`).join(', ')}. Set it in .env or the environment.`);
  const left = findPlaceholders(manifest);
  if (left.length > 0) throw new PackageError(`manifest.json still has a placeholder for ${left.join(', ')} after substitution.`);

  const schemaErrors = await validateManifest(manifest);
  if (schemaErrors.length > 0) throw new PackageError(`manifest.json does not match the Teams schema:\n  ${schemaErrors.join('\n  ')}`);
  const ruleErrors = checkCommandLists(manifest);
  if (ruleErrors.length > 0) throw new PackageError(`manifest.json command menu is too long:\n  ${ruleErrors.join('\n  ')}`);

  const icons = (manifest as { icons: Icons }).icons;
  const color = readFileSync(join(TEMPLATE_DIR, icons.color));
  const outline = readFileSync(join(TEMPLATE_DIR, icons.outline));
  const iconErrors = [...checkColorIcon(color, icons.color), ...checkOutlineIcon(outline, icons.outline)];
  if (iconErrors.length > 0) throw new PackageError(`Icon problems:\n  ${iconErrors.join('\n  ')}`);

  const standIns = standInPublisherFields(manifest);
  if (standIns.length > 0) {
    process.stderr.write(`warning: ${standIns.join(', ')} still hold the template's stand-ins; put in your own in manifest/teams/manifest.json before staff use the app.\n`);
  }

  const zip = buildAppZip({
    'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
    [icons.color]: color,
    [icons.outline]: outline,
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  const shown = relative(REPO_ROOT, out);
  process.stdout.write(`Wrote ${shown.startsWith('..') || isAbsolute(shown) ? out : shown}. Upload it in Teams: Apps → Manage your apps → Upload an app.\n`);
}

main().catch((err: unknown) => {
  // Expected problems get one plain line; anything else keeps its stack for whoever debugs it.
  process.stderr.write(err instanceof PackageError ? `package:teams: ${err.message}\n` : `package:teams failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
