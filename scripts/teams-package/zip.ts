import { zipSync, type Zippable } from 'fflate';

/** A fixed timestamp makes the same inputs give a byte-identical zip, so rebuilds are easy to compare. */
const FIXED_MTIME = new Date('2020-01-01T00:00:00Z');

/** Zips files at the archive root, which is where Teams looks for manifest.json and the icons. */
export function buildAppZip(files: Record<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    if (name.includes('/') || name.includes('\\')) throw new Error(`${name}: app package files must sit at the zip root`);
    entries[name] = [data, { mtime: FIXED_MTIME }];
  }
  return zipSync(entries, { level: 9 });
}
