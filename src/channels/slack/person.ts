import type { Person } from '../../app/assistant.js';

const SLACK_ID = /^[A-Z0-9]{2,32}$/;

/**
 * Slack user ids are unique within a workspace (team), so roles are keyed `slack:<team>:<user>`.
 * `shared` is for places others can read (a channel mention); DMs, modals, App Home and ephemeral
 * replies to a slash command are seen by that person alone.
 */
export function slackPerson(teamId: unknown, userId: unknown, shared = false, name?: unknown): Person | undefined {
  if (typeof teamId !== 'string' || typeof userId !== 'string' || !SLACK_ID.test(teamId) || !SLACK_ID.test(userId)) return undefined;
  return { id: `slack:${teamId}:${userId}`, ...(shared ? { shared } : {}), ...(typeof name === 'string' && name ? { name: name.slice(0, 80) } : {}) };
}

/** The Slack user id back from a person id, for DMs. */
export function slackUserOf(personId: string): { teamId: string; userId: string } | undefined {
  const m = personId.match(/^slack:([A-Z0-9]+):([A-Z0-9]+)$/);
  return m ? { teamId: m[1]!, userId: m[2]! } : undefined;
}
