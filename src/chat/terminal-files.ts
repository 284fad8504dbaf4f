import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileDelivery } from '../core/files/deliver-file.js';
import { safeFileName } from '../core/files/deliver-file.js';

/**
 * Files in the terminal: written to the data folder's `exports` folder (readable by this user only),
 * and the path said. A file of the same name is replaced.
 */
export class TerminalFiles implements FileDelivery {
  constructor(private readonly dir: string) {}

  async deliverFile(_person: string, name: string, bytes: Uint8Array, _mime: string): Promise<string> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const path = join(this.dir, safeFileName(name));
    await writeFile(path, bytes, { mode: 0o600 });
    return `Saved as ${path}`;
  }
}
