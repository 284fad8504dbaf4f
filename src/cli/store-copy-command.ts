import { parseArgs } from 'node:util';
import { copyStores, describePlace, parsePlace } from '../core/store/copy/store-copy.js';

export const STORE_COPY_USAGE = `       npm run cli -- store copy --from <data folder | postgres://…> --to <data folder | postgres://…> [--force]

  store copy      copies everything the bot keeps from a data folder into PostgreSQL, or back,
                  and checks the counts per store. Stop the bot first. A target that already
                  holds anything is refused unless --force (which replaces it).
                  Example: npm run cli -- store copy --from ./data --to postgres://postgres@127.0.0.1:5432/graduated`;

/** `store copy`: exit 0 with the counts per store, 2 for wrong arguments, 1 (via the thrown error) when the copy is refused or fails. */
export async function storeCopyCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' } } });
  if (!values.from || !values.to) {
    err(`Say where to copy from and to.\n${STORE_COPY_USAGE}`);
    return 2;
  }
  const [from, to] = [parsePlace(values.from), parsePlace(values.to)];
  const report = await copyStores(from, to, { force: values.force ?? false, now: new Date() });
  out(`Copied ${describePlace(from)} to ${describePlace(to)}; read back and checked:`);
  for (const [what, n] of Object.entries(report.readBack)) out(`  ${String(n).padStart(7)}  ${what}`);
  return 0;
}
