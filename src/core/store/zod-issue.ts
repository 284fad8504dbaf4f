import type { z } from 'zod/v4';

/**
 * "cases.3.initials: one to three capital letters…" for the first issue.
 * Zod's messages state the expectation and the received type, never the received value,
 * so this is safe to show staff without leaking pupil details.
 */
export function describeFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '(top level): not valid';
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
  return `${where}: ${issue.message}`;
}
