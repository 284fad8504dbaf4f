/**
 * House rules for the bot's command menu, stricter than schema v1.30 (which allows 12 commands,
 * 128-character titles and 4000-character descriptions). Titles and descriptions keep to the
 * limits of schema v1.20 and earlier, short enough to read at a glance in every Teams client; the
 * count uses v1.24's 12, because every dialog and "whoami" deserve a place in the menu.
 */
export const MAX_COMMANDS = 12;
export const MAX_TITLE = 32;
export const MAX_DESCRIPTION = 128;

interface CommandList {
  scopes?: unknown;
  commands?: { title?: unknown; description?: unknown }[];
}

export function checkCommandLists(manifest: unknown): string[] {
  const bots = (manifest as { bots?: { commandLists?: CommandList[] }[] } | null)?.bots ?? [];
  const problems: string[] = [];
  for (const list of bots.flatMap((b) => b.commandLists ?? [])) {
    const where = `command list ${JSON.stringify(list.scopes)}`;
    const commands = list.commands ?? [];
    if (commands.length > MAX_COMMANDS) problems.push(`${where} has ${commands.length} commands (at most ${MAX_COMMANDS})`);
    for (const c of commands) {
      const title = String(c.title ?? '');
      const description = String(c.description ?? '');
      if (title.length > MAX_TITLE) problems.push(`${where}: title "${title}" is longer than ${MAX_TITLE} characters`);
      if (description.length > MAX_DESCRIPTION) problems.push(`${where}: description of "${title}" is longer than ${MAX_DESCRIPTION} characters`);
    }
  }
  return problems;
}
