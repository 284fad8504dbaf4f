import { createInterface } from 'node:readline';
import { dialogContext, startCore } from '../app/bootstrap.js';
import { loadConfig, loadDotEnv } from '../config.js';
import { AppError } from '../core/errors.js';
import { converse, newConversation } from '../dialogs/conversation.js';
import { resumeViews } from '../dialogs/mid-form.js';
import { menuView } from '../dialogs/views/menu-view.js';
import { recogniseStaffCommand, runStaffCommand } from '../dialogs/staff-commands.js';
import { createLogger } from '../logger.js';
import { renderText } from './render-text.js';

/**
 * `npm run chat`: the whole conversation in a terminal, with the same dialogs the channels use.
 * Reads lines from stdin, so it can be scripted with piped input, and exits at end of input.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'chat');
  const core = await startCore(config);
  const ctx = dialogContext(core, { id: config.localUser.id, role: config.localUser.role, schoolId: config.localUser.schoolId });
  const interactive = process.stdin.isTTY === true;
  const out = (s: string) => process.stdout.write(`${s}\n`);

  out(`Graduated response assistant (${core.pack.localAuthority}). Local mode: you are ${config.localUser.role} ${config.localUser.id} at ${config.localUser.schoolId}.`);
  out(renderText([menuView()]));
  let state = newConversation();
  const rl = createInterface({ input: process.stdin, terminal: interactive });
  const prompt = () => interactive && process.stdout.write('> ');
  prompt();
  // Lines are handled strictly one after another, so piped scripts behave like typing.
  for await (const line of rl) {
    if (!interactive) out(`> ${line}`);
    // whoami / grant / revoke work here as in Teams and Slack. In the middle of a form only "whoami" (the PSP
    // asks for a staff id), so an answer such as "grant extra time" stays an answer; the form's question follows.
    const found = recogniseStaffCommand(line);
    const staffCommand = state.active && found?.kind !== 'whoami' ? undefined : found;
    if (staffCommand) {
      out(renderText([await runStaffCommand(staffCommand, ctx.user.id, ctx.user, core.staff).catch((err: Error) => ({ blocks: [{ type: 'text' as const, text: err.message, tone: 'warning' as const }] })), ...resumeViews(ctx, state)]));
      prompt();
      continue;
    }
    const t = await converse(ctx, state, line, log);
    state = t.state;
    out(renderText(t.views));
    if (t.quit) break;
    prompt();
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
