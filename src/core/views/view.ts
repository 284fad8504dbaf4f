import type { GuidanceInput } from '../guidance/guidance-input.js';
import type { LadderRung, Recommendation } from '../guidance/types.js';
import type { DocumentModel } from './document.js';
import type { SignpostFilters, SignpostResult } from '../signpost/signpost.js';

/**
 * What the bot shows, independent of channel. The terminal renders it as text; Teams as
 * Adaptive Cards; Slack as Block Kit. Nothing here knows which.
 */
export type Tone = 'normal' | 'muted' | 'success' | 'warning' | 'urgent';

export interface Choice {
  value: string;
  label: string;
}

export interface QuestionView {
  dialogId: string;
  id: string;
  prompt: string;
  help?: string;
  kind: 'text' | 'longtext' | 'choice' | 'yesno' | 'date' | 'number' | 'list';
  choices?: Choice[];
  optional: boolean;
  /** What an empty answer means, e.g. today's date. */
  defaultLabel?: string;
  /** Set when the last answer could not be used; says kindly what is needed. */
  error?: string;
  progress: { answered: number; total: number };
  /**
   * What the person typed last time: a form shown again keeps it in its input (card and modal
   * channels); a typed conversation gives it back under the error, set only when the words would be
   * hard to type again (a long note over the limit).
   */
  value?: string;
  /** To read before answering, shown above the question: e.g. the warnings before an exclusion is saved. */
  before?: ReadFirst[];
  /**
   * Set when the question is asked again straight after an answer it could not use: its `before`
   * was just shown above, so a typed conversation asks again briefly (what to type) rather than
   * repeating the reading; a card or modal stands alone and shows it whole.
   */
  readAbove?: true;
  /**
   * A hint only a typed conversation shows, naming a word to type ('Type "back" to …'); cards and
   * modals leave it out, as they have buttons and every question on one form.
   */
  typedHint?: string;
  /** Most characters a text answer may have, when the question sets it; forms size their inputs to it. */
  maxLength?: number;
  /**
   * The answer can be picked from a search run as the person types (a pupil they may see, a member
   * of staff), where the channel has such a picker; typing the answer still works everywhere.
   */
  lookup?: Lookup;
  /** For a lookup: the answer already chosen, in words, so a picker can show it chosen. */
  picked?: Choice;
  /**
   * For a lookup on a form: choices offered ready-made beside the search (the person's own pupils,
   * the staff the bot knows), for clients that cannot search as the person types. Values read as typed.
   */
  offered?: Choice[];
  /** A yes/no confirming a save once `before` is read: forms ask it first (ConfirmFirst). */
  confirm?: ConfirmFirst;
}

/**
 * How a form shows a yes/no that confirms a save after a long reading (the checks before a
 * suspension is saved, about 850 words): the question (`prompt`, without "having read the above")
 * and its yes and no first, then `brief` (at most CONFIRM_BRIEF_WORDS words), then the question's
 * `before` in full behind "Why these checks", then the form's other questions. A typed conversation
 * asks it in order, after the reading, with the question's own prompt.
 */
export interface ConfirmFirst {
  prompt: string;
  brief: string;
}

/** The most words a ConfirmFirst brief has, so the question and its answers stay on the first screen. */
export const CONFIRM_BRIEF_WORDS = 60;

/** What a picker searches: the pupils this person may see, or the staff. */
export type Lookup = 'pupil' | 'staff';

/**
 * A whole dialog as one form, for channels that show every question at once (Teams cards, Slack
 * modals). `formId` is fresh each time a form is opened, so a double submit can be recognised.
 */
export interface FormView {
  dialogId: string;
  formId: string;
  title: string;
  /** At most 24 characters, for where a title has little room (a Slack modal's title bar). */
  shortTitle?: string;
  intro?: string;
  /** Why the form came back, e.g. "2 answers need attention" or "a few more questions". */
  notice?: string;
  questions: QuestionView[];
  submitLabel: string;
}

/** A service search with its filters, so card channels can offer a search box with choices. */
export interface SearchView {
  query: string;
  filters: SignpostFilters;
  /** The filters a channel may offer, with the words staff see: every channel shows the same. */
  phases: Choice[];
  districts: Choice[];
  modes: Choice[];
}

export interface MenuItem {
  command: string;
  label: string;
  description: string;
}

/** A button that sends a command exactly as if it had been typed, e.g. "pupil 4021" or "my pupils page 2". */
export interface CommandButton {
  label: string;
  command: string;
}

/**
 * One line of a list or a record: what it is, what it says, and a button to open it when there is
 * more to see. A plan's field is a row too (its label and the words written), with no button.
 */
export interface Row {
  title: string;
  detail?: string;
  open?: CommandButton;
  tone?: Tone;
}

/**
 * Where a long list or record is, and the commands for the pages either side: card channels show
 * Previous and Next buttons (updating the list in place where they can), the terminal "more".
 */
export interface Pager {
  page: number;
  pages: number;
  /** What is being paged, counted: "23 pupils", "41 entries". */
  of: string;
  previous?: string;
  next?: string;
}

/**
 * The rest of a reply after its first screen, behind "Show details": Teams folds it away on the
 * same card, Slack opens it in a modal, the terminal keeps it for "details". Channels render the
 * blocks as they render any others.
 */
export interface Details {
  /** What is behind the button, e.g. "all 6 actions, 2 more things worth knowing, sources and contacts". */
  summary: string;
  blocks: Block[];
  /**
   * How to work the details out again, for a channel that cannot carry the blocks with the message
   * (a Slack button's value holds 2,000 characters): the guidance's input.
   */
  again?: { guidance: GuidanceInput };
}

/**
 * How much of a recommendation a block shows, when a first screen and its details share it out:
 * `brief` its title, why and who leads it (a next action); `words` everything but its contacts
 * and source (a legal warning, in full); `refs` its title, contacts and source (in the details,
 * for a warning shown in `words`); `notice` a safeguarding notice's or legal warning's one-sentence
 * `brief` (who, what, by when) and why it applies, its full words in the details. Without a part, all of it.
 */
export type RecommendationPart = 'brief' | 'words' | 'refs' | 'notice';

/**
 * A label and its value. With `at` (an ISO date-time), the value is that moment in London words
 * ("Mon 23 Nov 2026 at 10:15"), and a channel that can show a moment in each reader's own time
 * (Slack) may show it that way instead.
 */
export interface Fact {
  label: string;
  value: string;
  at?: string;
}

/**
 * A table of figures: headings (the first names the rows), rows of words, and a totals row. With a
 * chart, a channel that can draw (Teams) draws it above the table; the table is always shown, as
 * it holds what a chart cannot ("fewer than 5").
 */
export interface TableView {
  title: string;
  headings: string[];
  rows: string[][];
  totals?: string[];
  note?: string;
  chart?: ChartView;
}

/** The numbers of a table that may be drawn, by series; withheld numbers are left out. */
export interface ChartView {
  kind: 'bar' | 'stacked-bar' | 'line' | 'pie';
  xTitle?: string;
  yTitle?: string;
  series: { name: string; points: { x: string; y: number }[] }[];
}

/**
 * A member of staff named in a text: the exact words that name them there ("Sam Patel (SENDCo)",
 * "Your colleague") and their channel id. Every channel shows the words; one that can mention
 * people (Slack, for a `slack:` id) may show a mention of them in their place, which the reader's
 * client turns into the person's name.
 */
export interface PersonRef {
  id: string;
  said: string;
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'table'; table: TableView }
  | { type: 'text'; text: string; tone?: Tone; people?: PersonRef[] }
  | { type: 'ladder'; rungs: LadderRung[] }
  | { type: 'recommendation'; rec: Recommendation; part?: RecommendationPart }
  | { type: 'details'; details: Details }
  | { type: 'service'; rank: number; result: SignpostResult }
  | { type: 'facts'; facts: Fact[] }
  | { type: 'list'; items: string[] }
  | { type: 'menu'; items: MenuItem[] }
  | { type: 'question'; question: QuestionView }
  | { type: 'form'; form: FormView }
  | { type: 'search'; search: SearchView }
  | { type: 'rows'; rows: Row[] }
  | { type: 'actions'; actions: CommandButton[] }
  | ({ type: 'pager' } & Pager);

/** What may be shown above a question: guidance and plain lines, which every channel can put beside an input. */
export type ReadFirst = Extract<Block, { type: 'recommendation' | 'text' }>;

/**
 * A document to hand over as a file with a reply (the evidence pack as a PDF, the LA's figures as
 * CSV). Each channel delivers it its own way (Teams asks consent in the personal chat, Slack
 * uploads it to the DM, the terminal saves it); a channel that shows the blocks alone delivers
 * nothing. It is either a `document` drawn as a PDF or `csv` text given as it is.
 */
export interface FileOffer {
  /** "evidence-pack-4021-2026-11-30.pdf": the pupil's reference and the day, nothing more. */
  fileName: string;
  /** One line for the file's title and a consent card: the pupil's reference, initials and year at most. */
  title: string;
  document?: DocumentModel;
  /** The file's text when it is a CSV (the LA's figures: counts only, small ones withheld). */
  csv?: string;
  /** The words that produce it again, read through the same access checks (Teams builds it afresh when consent is given). */
  command: string;
}

export interface View {
  blocks: Block[];
  file?: FileOffer;
}

export const view = (...blocks: Block[]): View => ({ blocks });
export const text = (t: string, tone: Tone = 'normal'): Block => ({ type: 'text', text: t, tone });
/** A text that names staff (`people`), so a channel that can may mention them. */
export const textNaming = (t: string, tone: Tone, people: PersonRef[]): Block => ({ type: 'text', text: t, tone, people });
export const heading = (t: string): Block => ({ type: 'heading', text: t });
