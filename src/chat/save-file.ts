import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileOffer } from '../core/views/view.js';
import { fileContent, pagesWords } from '../pdf/file-content.js';

/** Where the terminal puts the files it is asked for: inside the data folder, which only its owner can read. */
export const EXPORTS_FOLDER = 'exports';

/**
 * The terminal's way of handing over a file (the evidence pack, the LA's CSV): rendered and written under the data
 * folder, readable by its owner only, and the line to print saying where. The name carries the
 * pupil's reference and the day, so a second pack the same day replaces the first.
 */
export async function saveFile(dataDir: string, offer: FileOffer): Promise<string> {
  const content = await fileContent(offer);
  const { bytes } = content;
  const folder = join(dataDir, EXPORTS_FOLDER);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, offer.fileName);
  await writeFile(path, bytes, { mode: 0o600 });
  const size = [pagesWords(content), `${Math.max(1, Math.round(bytes.length / 1024))} KB`].filter(Boolean).join(', ');
  return `Saved as a ${content.kind} (${size}): ${path}`;
}
