import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const PACKAGE_DIR = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));

/** The schema file shipped inside @microsoft/app-manifest for a manifest version such as "1.30". */
export function bundledSchemaPath(manifestVersion: string): string {
  return join(PACKAGE_DIR, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

/**
 * Loads the bundled schema so validation never goes to the network.
 * The escape clean-up copies what the package does itself when it reads its own schema files.
 */
export function loadBundledSchema(manifestVersion: string): ManifestSchema {
  const path = bundledSchemaPath(manifestVersion);
  if (!existsSync(path)) throw new Error(`Teams manifest schema v${manifestVersion} is not bundled in @microsoft/app-manifest.`);
  const raw = readFileSync(path, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(raw) as ManifestSchema;
}

/** Schema errors as readable lines (empty when valid), checked against the schema for the manifest's own version. */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== 'string') return ['manifestVersion is missing'];
  // Always pass the schema: with one argument the package downloads it from $schema.
  return AppManifestUtils.validateAgainstSchema(manifest as AppManifest, loadBundledSchema(version));
}
