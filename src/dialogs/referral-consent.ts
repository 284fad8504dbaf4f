import type { PupilCase } from '../core/cases/pupil-case.js';
import { pupilFacts } from '../core/facts/pupil-facts.js';

/**
 * Whose agreement a referral needs, in words for the pupil's care. The form (004) asks for
 * "parental permission"; what it means is the agreement of whoever holds parental responsibility.
 * For a looked-after child that is not simply the parents: under a care order the local authority,
 * as corporate parent, shares it, so the child's social worker knows who must agree, and the
 * Virtual School can advise. After adoption or a special guardianship order it is the adoptive
 * parents or special guardians.
 */

/** Which words to use: an ordinary pupil's parents/carers, a looked-after child, or a previously looked-after one. */
export type ConsentRoute = 'parents' | 'looked-after' | 'previously-looked-after';

/** The route for a pupil, from their facts as they stand now. */
export function consentFrom(c: PupilCase): ConsentRoute {
  const { flags } = pupilFacts(c);
  return flags.lookedAfter ? 'looked-after' : flags.previouslyLookedAfter ? 'previously-looked-after' : 'parents';
}

/** The question, its help, and what is said when the answer is no: why, and whom to speak to. */
export const CONSENT_WORDS: Record<ConsentRoute, { prompt: string; help?: string; refused: string; speakTo: string }> = {
  parents: {
    prompt: 'Have parents/carers given permission for this referral?',
    refused: 'A referral can only be sent once parents/carers agree.',
    speakTo: 'speak to them',
  },
  'looked-after': {
    prompt: 'The pupil is looked after: has the person with parental responsibility agreed to this referral, through the child’s social worker?',
    help: 'Under a care order the local authority, as corporate parent, shares parental responsibility with the parents; the child’s social worker knows who must agree and how. The Virtual School can advise.',
    refused: 'A referral for a looked-after child can only be sent once whoever holds parental responsibility agrees.',
    speakTo: 'ask the child’s social worker (the Virtual School can advise)',
  },
  'previously-looked-after': {
    prompt: 'Have the parents with parental responsibility (adoptive parents or special guardians) given permission for this referral?',
    refused: 'A referral can only be sent once the parents with parental responsibility (adoptive parents or special guardians) agree.',
    speakTo: 'speak to them',
  },
};
