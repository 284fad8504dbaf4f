import { mkdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FileOffer } from '../core/views/view.js';
import { fileContent, pagesWords } from '../pdf/file-content.js';

/** Where the terminal puts the files it is asked for: inside the data folder, which only its owner can read. */
export const EXPORTS_FOLDER = 'exports';

/**
 * The terminal's way of handing over a file (the evidence pack, the LA's CSV): rendered and written under the data
 * folder, readable by its owner only, and the line to print saying where (the full path). Never
 * replaces a file already there: a second pack of the same name the same day is saved as
 * `name-2.pdf`, then `name-3.pdf`, and so on (the name is claimed atomically, so two at once do not
 * collide). Throws what the file system throws (a full disk, say).
 */
export async function saveFile(dataDir: string, offer: FileOffer): Promise<string> {
  const content = await fileContent(offer);
  const { bytes } = content;
  const folder = join(dataDir, EXPORTS_FOLDER);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const path = await writeNew(folder, offer.fileName, bytes);
  const size = [pagesWords(content), `${Math.max(1, Math.round(bytes.length / 1024))} KB`].filter(Boolean).join(', ');
  return `Saved as a ${content.kind} (${size}): ${path}`;
}

/** The bytes written to `name` in `folder`, or the first free `name-2`, `name-3` …; its path. */
async function writeNew(folder: string, name: string, bytes: Uint8Array): Promise<string> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? name : `${stem}-${n}${ext}`);
    try {
      // "wx": fails if the file exists, so nothing already saved is ever overwritten.
      await writeFile(path, bytes, { mode: 0o600, flag: 'wx' });
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 10_000) throw err;
    }
  }
}
