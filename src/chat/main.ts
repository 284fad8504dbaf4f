import { createInterface } from 'node:readline';
import { dialogContext, startCore } from '../app/bootstrap.js';
import { loadConfig, loadDotEnv } from '../config.js';
import { AppError } from '../core/errors.js';
import { menuView } from '../dialogs/views/menu-view.js';
import { createLogger } from '../logger.js';
import { ChatSession } from './chat-session.js';
import { renderText } from './render-text.js';
import { saveFile } from './save-file.js';
import { localStaffMember } from '../core/staff.js';
import { roleAt } from '../dialogs/staff-words.js';

/**
 * `npm run chat`: the whole conversation in a terminal, with the same dialogs the channels use.
 * Reads lines from stdin, so it can be scripted with piped input, and exits at end of input.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'chat');
  const core = await startCore(config, { log });
  const me = localStaffMember(config.localUser);
  const ctx = dialogContext(core, me);
  const session = new ChatSession({ ctx, drafts: core.drafts, staff: core.staff, log });
  const interactive = process.stdin.isTTY === true;
  const out = (s: string) => process.stdout.write(`${s}\n`);

  // Who you are in words, never the local id ("whoami" shows that to whoever asks).
  const where = me.role === 'la-officer' ? ` in ${core.pack.localAuthority}’s LA team: the LA’s figures and what schools share with it` : me.schoolId ? '' : ' with no school';
  out(`Graduated response assistant (${core.pack.localAuthority}). Local mode: you are ${roleAt(me, (s) => core.staff.schoolName(s))}${where}.`);
  out(renderText([menuView(undefined, { role: me.role })]));
  const offer = await session.start();
  if (offer.length) out(`\n${renderText(offer)}`);
  const rl = createInterface({ input: process.stdin, terminal: interactive });
  // Ctrl-C ends the input like Ctrl-D, so an open form is kept as a draft and said so.
  rl.on('SIGINT', () => rl.close());
  const prompt = () => interactive && process.stdout.write('> ');
  prompt();
  let quit = false;
  // Lines are handled strictly one after another, so piped scripts behave like typing.
  for await (const line of rl) {
    if (!interactive) out(`> ${line}`);
    const reply = await session.line(line);
    out(renderText(reply.views));
    for (const v of reply.views)
      if (v.file)
        out(
          await saveFile(config.dataDir, v.file).catch((err: NodeJS.ErrnoException) => {
            log.error('file not saved', { code: err.code ?? 'unexpected' });
            return 'The file could not be saved in the data folder. Nothing else was affected; please try again.';
          }),
        );
    if (reply.quit) {
      quit = true;
      break;
    }
    prompt();
  }
  if (!quit) {
    const bye = await session.end();
    if (bye.length) out(`${interactive ? '\n' : ''}${renderText(bye)}`);
  }
  rl.close();
  await core.close();
}

main().catch((err: unknown) => {
  // One clear line for the person starting the bot; no stack trace for a known problem.
  const message = err instanceof AppError ? err.message : `Unexpected error: ${(err as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
