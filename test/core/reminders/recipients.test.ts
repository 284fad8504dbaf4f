import { describe, expect, it } from 'vitest';
import { recipientsFor } from '../../../src/core/reminders/recipients.js';
import type { DueItem } from '../../../src/core/reminders/types.js';

const item = (kind: DueItem['kind'], ownerIds: string[]): DueItem => ({
  itemKey: `${kind}:oak-primary:case-1`,
  kind,
  schoolId: 'oak-primary',
  caseId: 'case-1',
  pupilRef: '4021',
  initials: 'AB',
  dueDate: '2026-11-23',
  ownerIds,
  title: 'x',
  command: 'review for 4021',
});
const sendcos = (schoolId: string) => (schoolId === 'oak-primary' ? ['sendco-1', 'sendco-2'] : []);

describe('recipientsFor', () => {
  it('reviews: owners, then the SENDCos, each once', () => {
    expect(recipientsFor(item('psp-review', ['leader-1', 'teacher-1']), sendcos)).toEqual(['leader-1', 'teacher-1', 'sendco-1', 'sendco-2']);
    expect(recipientsFor(item('pcp-review', ['sendco-2']), sendcos)).toEqual(['sendco-2', 'sendco-1']);
  });

  it('EHC, day-6 and PEP items go to the SENDCos, plus any owners', () => {
    expect(recipientsFor(item('ehc-decision', []), sendcos)).toEqual(['sendco-1', 'sendco-2']);
    expect(recipientsFor(item('day6-provision', ['head-1', 'sendco-1']), sendcos)).toEqual(['sendco-1', 'sendco-2', 'head-1']);
  });

  it('nobody when a school has no SENDCo and the item no owner', () => {
    expect(recipientsFor({ ...item('pep', []), schoolId: 'elm-high' }, sendcos)).toEqual([]);
  });
});
