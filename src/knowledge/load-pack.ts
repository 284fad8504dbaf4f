import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../core/errors.js';
import { KnowledgePack } from './schema/pack.js';

const builtinDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'packs');

/** Built-in pack names, or a folder path for a pack shipped by another local authority. */
export function resolvePackDir(nameOrPath: string): string {
  return /^[a-z0-9-]+$/.test(nameOrPath) ? path.join(builtinDir, nameOrPath) : path.resolve(nameOrPath);
}

/**
 * Loads a pack: every `*.json` in the folder is an object whose top-level keys are pack keys
 * (services.json → { services }, rules.json → { rules } …). The merged whole is validated with zod;
 * a bad field stops start-up with the file and the path of that field.
 */
export async function loadPack(nameOrPath: string): Promise<KnowledgePack> {
  const dir = resolvePackDir(nameOrPath);
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch (cause) {
    throw new AppError(`Knowledge pack "${nameOrPath}" was not found at ${dir}.`, 'knowledge-pack', { cause });
  }
  const merged: Record<string, unknown> = {};
  const keyFile = new Map<string, string>();
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    } catch (cause) {
      throw new AppError(`Knowledge pack ${nameOrPath}: ${file} is not valid JSON (${(cause as Error).message}).`, 'knowledge-pack', { cause });
    }
    if (!data || typeof data !== 'object' || Array.isArray(data))
      throw new AppError(`Knowledge pack ${nameOrPath}: ${file} must hold a JSON object.`, 'knowledge-pack');
    for (const [key, value] of Object.entries(data)) {
      const other = keyFile.get(key);
      if (other) throw new AppError(`Knowledge pack ${nameOrPath}: "${key}" is defined in both ${other} and ${file}.`, 'knowledge-pack');
      keyFile.set(key, file);
      merged[key] = value;
    }
  }
  const parsed = KnowledgePack.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.');
    const file = keyFile.get(String(issue.path[0])) ?? 'pack';
    throw new AppError(`Knowledge pack ${nameOrPath}: ${file} → ${where || '(root)'}: ${issue.message}`, 'knowledge-pack');
  }
  return parsed.data;
}
