import { AppError } from '../core/errors.js';
import { concernCheckFor } from '../core/safeguarding/for-pack.js';
import { loadPack } from './load-pack.js';

/**
 * `npm run knowledge:check [pack name or folder]`: validates a knowledge pack as start-up would
 * (every file, field and phrase pattern) and prints what it holds, so an LA can check its edits
 * without starting the bot. Exit 1 with one line naming the file and field when it is not valid.
 */
async function main(): Promise<void> {
  const name = process.argv[2] ?? process.env.KNOWLEDGE_PACK ?? 'worcestershire';
  const pack = await loadPack(name);
  const concerns = pack.concerns;
  const patterns = concerns ? [...concerns.risk, ...concerns.exclusion].reduce((n, c) => n + c.signs.length + c.topics.length + c.notWhen.length + c.notInSentence.length, 0) : 0;
  if (concerns) concernCheckFor(pack);
  const tool = pack.selfReflection;
  const reflection = tool
    ? `${tool.areas.length} areas, ${tool.areas.reduce((n, a) => n + a.items.length, 0)} items, ${tool.areas.reduce((n, a) => n + a.suggestions.length, 0)} suggestions`
    : 'none (no self-reflection.json)';
  process.stdout.write(
    `${pack.localAuthority} (${pack.id}): valid.\n` +
      `  ${pack.services.length} services, ${pack.apSettings.length} AP settings, ${pack.apProviders.length} AP providers, ${pack.forms.length} form templates\n` +
      `  pathway: ${pack.pathway ? 'yes' : 'no'}, rules: ${pack.rules ? 'yes' : 'no'}\n` +
      `  self-reflection tool: ${reflection}\n` +
      `  concern check: ${concerns ? `${concerns.risk.length} risk and ${concerns.exclusion.length} exclusion categories, ${patterns} patterns` : 'none (no concerns.json)'}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof AppError ? err.message : `The pack could not be checked: ${(err as Error).message}`}\n`);
  process.exit(1);
});
