import { join } from 'node:path';

/**
 * Every file the bot keeps at a fixed place in its data folder, relative to it. Stores reach their
 * file only by these names (DataFolder.file, JsonDocument.open), and start-up checks every
 * one (check-data-files.ts), so a new store's file cannot be left out of the check.
 */
export const DATA_FILES = {
  lock: '.lock',
  staff: 'staff.json',
  laChannel: 'la-channel.json',
  reminders: 'reminders.jsonl',
  idempotency: 'idempotency.jsonl',
  drafts: 'drafts.json',
  selfReflection: 'self-reflection.json',
  teamsConversations: join('teams', 'conversations.json'),
} as const;

/** A data file's name in {@link DATA_FILES}. */
export type DataFileName = keyof typeof DATA_FILES;
