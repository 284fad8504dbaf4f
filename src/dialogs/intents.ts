import type { Answers } from './dialog.js';
import { recogniseExclusionWords } from './exclusion-words.js';
import { recogniseLaReport, type LaReportRequest } from './la-report.js';
import { READ_WORDS, recogniseRead, type ReadRequest } from './read/read-request.js';

/** What the user asked for, recognised from the words staff actually type. */
export type Intent =
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'cancel' }
  | { kind: 'my-reviews' }
  /**
   * A form to open. `initialText` answers its first question; `values` answer later ones by question
   * id, as typed ("share 4021 with teams:…" names the teacher too).
   */
  | { kind: 'dialog'; dialogId: string; initial: Answers; initialText?: string; values?: Record<string, string> }
  /** Reading a pupil's record back, or a list of pupils (read/read-request.ts). */
  | { kind: 'read'; read: ReadRequest }
  /** The next page of the last list or record shown (the terminal keeps its command). */
  | { kind: 'more' }
  /** The details behind the last reply's first screen (the terminal keeps them; cards have a button). */
  | { kind: 'details' }
  /** The LA's figures for a period, or their CSV (LA officers). */
  | { kind: 'la-report'; request: LaReportRequest }
  | { kind: 'unknown' };

const REF = '([A-Za-z0-9][A-Za-z0-9-]{0,19})';
/** "pcp for 4021", "pcp for pupil 4021" or just "pcp 4021"; "for" alone is not a reference. */
const FOR_PUPIL = `(?: (?:for )?(?:pupil )?(?!(?:for|pupil)$)${REF})?`;

interface Rule {
  re: RegExp;
  intent: (m: RegExpMatchArray) => Intent;
  /** The command as staff type it, which a slip of the keyboard is checked against (command-typos.ts). */
  typed?: readonly string[];
}

const dialog = (dialogId: string, initialText?: string, values?: Record<string, string>): Intent => ({
  kind: 'dialog',
  dialogId,
  initial: {},
  ...(initialText ? { initialText } : {}),
  ...(values ? { values } : {}),
});

/** "share 4021 with teams:…", "share 4021 with Jo Brown", "unshare 4021 teams:…": the pupil and, when given, the member of staff (an id or the name the staff file holds). */
const sharing = (dialogId: string) => (m: RegExpMatchArray) => dialog(dialogId, m[1], m[1] && m[2] ? { staffId: m[2] } : undefined);

const RULES: Rule[] = [
  // The whole line, not its first word: "Help was called…" or "Start each day…" is an answer, not a command.
  { re: /^(help|menu|\?|hi|hello|hey|start|what can you do)(?: me| please| there)?[!.?]*$/i, intent: () => ({ kind: 'help' }), typed: ['help'] },
  { re: /^(quit|exit|bye|goodbye)[!.]*$/i, intent: () => ({ kind: 'quit' }) },
  { re: /^(cancel|stop|never ?mind|forget it|abort|(?:cancel|stop) (?:that|this|it|the form))[!.]*$/i, intent: () => ({ kind: 'cancel' }) },
  { re: /^(my reviews|my-reviews|reviews due|what('?s| is) due|due reviews)\b/i, intent: () => ({ kind: 'my-reviews' }), typed: ['my reviews'] },
  { re: /^(more|more please|show more|next page|next)[!.]*$/i, intent: () => ({ kind: 'more' }), typed: ['more'] },
  { re: /^(?:show |see |the |full |more )?details(?: please)?[!.]*$/i, intent: () => ({ kind: 'details' }), typed: ['details'] },
  { re: new RegExp(`^(?:what(?:'s| is)? next|what now|next steps?|what-next|what should (?:i|we) do)${FOR_PUPIL}\\??$`, 'i'), intent: (m) => dialog('what-next', m[1]), typed: ['what next'] },
  { re: /^signpost\s*(.*)$/i, intent: (m) => dialog('signpost', m[1]?.trim() || undefined), typed: ['signpost'] },
  { re: /^(?:who (?:can )?helps? with|who (?:can|could) help (?:with|for)?|find (?:a |an )?(?:service|support) for|services? for|support for|help with|where can i (?:get|find) help (?:with|for))\s+(.+?)\??$/i, intent: (m) => dialog('signpost', m[1]) },
  { re: /^(new pupil|add (?:a )?pupil|new-pupil)$/i, intent: () => dialog('new-pupil'), typed: ['new pupil'] },
  { re: new RegExp(`^(?:pcp|new pcp|person[- ]centred plan|positive behaviour support plan|write a plan)${FOR_PUPIL}$`, 'i'), intent: (m) => dialog('pcp', m[1]), typed: ['pcp'] },
  { re: new RegExp(`^(?:review|record (?:a )?review|plan review)${FOR_PUPIL}$`, 'i'), intent: (m) => dialog('review', m[1]), typed: ['review'] },
  { re: new RegExp(`^(?:psp|new psp|pastoral support(?: programme| plan)?)${FOR_PUPIL}$`, 'i'), intent: (m) => dialog('psp', m[1]), typed: ['psp'] },
  { re: new RegExp(`^(?:refer|referral|make a referral|new referral)${FOR_PUPIL}$`, 'i'), intent: (m) => dialog('refer', m[1]), typed: ['refer', 'referral'] },
  // "step 4021", "step down for 4021", "set step 4021": a SENDCo moving a pupil outside a review.
  { re: new RegExp(`^(?:withdraw|undo|remove) (?:an? |the )?(?:suspension|exclusion)(?: (?:number |no\\.? ?)?\\d{1,2})?${FOR_PUPIL}$`, 'i'), intent: (m) => dialog('withdraw-exclusion', m[1]), typed: ['withdraw suspension'] },
  // "reinstate 4021", "record a reinstatement for 4021": the governors overturned a permanent exclusion.
  { re: new RegExp(`^(?:reinstate|reinstatement|record (?:a )?reinstatement|reinstated)(?: (?:after|from) (?:the |a )?(?:permanent )?exclusion)?${FOR_PUPIL}$`, 'i'), intent: (m) => dialog('reinstate', m[1]), typed: ['reinstate'] },
  { re: new RegExp(`^(?:(?:set|change|move) (?:the )?step|step(?: (?:up|down|change))?)${FOR_PUPIL}$`, 'i'), intent: (m) => dialog('set-step', m[1]), typed: ['set step'] },
  { re: new RegExp(`^(?:exclusion|suspension|record (?:a )?(?:suspension|exclusion)|exclude)${FOR_PUPIL}$`, 'i'), intent: (m) => dialog('exclusion', m[1]), typed: ['exclusion', 'suspension'] },
  // "suspend" alone (with a pupil or more, exclusion-words.ts reads it first): a suspension, said so.
  { re: /^suspend$/i, intent: () => dialog('exclusion', undefined, { kind: 'suspension' }), typed: ['suspend'] },
  // "update 4021", "record a change for 4021": a fact about a saved pupil changed, or an entry was wrong.
  { re: new RegExp(`^(?:update(?: (?:the )?record)?|record (?:a )?change|changes? of circumstances?|correct (?:an |the )?entry)${FOR_PUPIL}$`, 'i'), intent: (m) => dialog('update', m[1]), typed: ['update'] },
  // "pep 4021", "record pep for 4021": a looked-after child's termly PEP meeting was held (update, with the choice made).
  { re: new RegExp(`^(?:record (?:a |the )?)?(?:pep|epep|personal education plan)(?: meeting)?(?: held)?${FOR_PUPIL}$`, 'i'), intent: (m) => dialog('update', m[1], { what: 'pep' }), typed: ['pep', 'record pep'] },
  // "close plan 4021", "end the psp for 4021": a plan ends with its outcome.
  { re: new RegExp(`^(?:close|end|finish) (?:the |a )?(?:plan|pcp|psp|pastoral support (?:programme|plan))${FOR_PUPIL}$`, 'i'), intent: (m) => dialog('close-plan', m[1]), typed: ['close plan'] },
  // The Inclusion Self-Reflection Tool (Appendix 2): start or carry on, its summary, sharing with the LA, and the LA's view.
  { re: /^(?:(?:start|begin|resume|continue|carry on(?: with)?|do|fill in|open) (?:the |our |an? )?)?(?:inclusion )?self[- ]?reflection(?: tool)?$|^inclusion review$/i, intent: () => dialog('self-reflection'), typed: ['self-reflection', 'inclusion review'] },
  { re: /^(?:(?:inclusion )?self[- ]?reflection|inclusion review)[- ](?:summary|results?)$/i, intent: () => dialog('self-reflection-summary'), typed: ['self-reflection summary'] },
  { re: /^(?:self[- ]?reflection|inclusion review)[- ]shar(?:e|ing)(?: with (?:the )?la)?(?: (yes|no))?$/i, intent: (m) => (m[1] ? dialog('self-reflection-share', m[1]) : dialog('self-reflection-sharing')), typed: ['self-reflection sharing'] },
  { re: /^(?:self[- ]?reflection|inclusion review)[- ]schools$|^(?:schools'? )?inclusion ratings$/i, intent: () => dialog('self-reflection-schools'), typed: ['self-reflection schools'] },
  { re: new RegExp(`^share(?: (?:pupil )?${REF}(?: (?:with|to))?(?: (\\S.*?))?)?$`, 'i'), intent: sharing('share'), typed: ['share'] },
  // "grant" alone (or naming only the person): a form with the people picker. In full ("grant <id> <role>
  // [school]") it is a staff command, run at once before any of these rules (staff-commands.ts).
  { re: /^(?:grant (?:a )?role|give (?:someone )?(?:a )?role|grant)(?: (?:to )?(\S+))?$/i, intent: (m) => dialog('grant', m[1]), typed: ['grant'] },
  { re: new RegExp(`^(?:unshare|stop sharing)(?: (?:pupil )?${REF}(?: (?:with|from))?(?: (\\S.*?))?)?$`, 'i'), intent: sharing('unshare'), typed: ['unshare'] },
];

/** The commands as staff type them, from the rules above ("what next", "pcp", "help"…) and the reading commands. */
export const COMMAND_WORDS: readonly string[] = [...RULES.flatMap((r) => r.typed ?? []), ...READ_WORDS, 'la report'];

/**
 * What the words ask for, by the first rule that matches the whole line (after spaces are tidied);
 * then the commands that read a record back ("pupil 4021", "my pupils", "timeline 4021").
 */
export function recognise(raw: string): Intent {
  const t = raw.trim().replace(/\s+/g, ' ');
  // "suspend 4021 for 3 days from Monday": the exclusion dialog, with what was said filled in.
  const excluded = recogniseExclusionWords(t);
  if (excluded) return dialog('exclusion', excluded.pupil, excluded.values);
  for (const r of RULES) {
    const m = t.match(r.re);
    if (m) return r.intent(m);
  }
  const laReport = recogniseLaReport(t);
  if (laReport) return { kind: 'la-report', request: laReport };
  const read = recogniseRead(t);
  return read ? { kind: 'read', read } : { kind: 'unknown' };
}

/**
 * The words a worry is read in: after "signpost" (or "support for…") only the search itself, so a
 * notice quotes the person's words and never the command ("signpost lad keeps going off…").
 */
export function wordsToScreen(input: string): string {
  const intent = recognise(input);
  return intent.kind === 'dialog' && intent.dialogId === 'signpost' && intent.initialText ? intent.initialText : input;
}
