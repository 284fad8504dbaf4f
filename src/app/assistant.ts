import type { GuidanceInput } from '../core/guidance/guidance-input.js';
import { AFTER_NOTICE } from '../core/safeguarding/concern-notice.js';
import type { Concern } from '../core/safeguarding/concern-check.js';
import { leadWith, recordConcernsShown, screenTexts } from '../core/safeguarding/screen.js';
import type { SignpostFilters } from '../core/signpost/signpost.js';
import { cleanChannelText } from '../core/text/channel-text.js';
import { AppError } from '../core/errors.js';
import { localStaffMember, type StaffMember } from '../core/staff.js';
import { heading, text, type Block, type Choice, type Lookup, type View } from '../core/views/view.js';
import type { DialogContext } from '../dialogs/dialog.js';
import { suggestCommand } from '../dialogs/command-typos.js';
import { earlierStep, firstQuestionId, formAsSent, openForm, submitForm, type FormOutcome, type FormSubmission, type FormValues } from '../dialogs/form-submit.js';
import { homeViews } from '../dialogs/home.js';
import { lookupChoices } from '../dialogs/lookups.js';
import { recognise, wordsToScreen } from '../dialogs/intents.js';
import { runLaReport } from '../dialogs/la-report.js';
import { myReviews } from '../dialogs/my-reviews.js';
import { runRead } from '../dialogs/read/run-read.js';
import { findDialog } from '../dialogs/registry.js';
import { searchServices } from '../dialogs/signpost-dialog.js';
import { recogniseReminderCommand, runReminderCommand } from '../dialogs/reminder-commands.js';
import { recogniseStaffCommand, runStaffCommand } from '../dialogs/staff-commands.js';
import { guidanceDetailsView } from '../dialogs/views/guidance-view.js';
import { menuView } from '../dialogs/views/menu-view.js';
import { wordsWritten } from '../dialogs/words-written.js';
import type { Logger } from '../logger.js';
import { dialogContext, type Core } from './bootstrap.js';
import type { LaNotices } from './la-notices.js';
import type { KeyStore } from './once.js';

/** Someone talking to the bot, as their channel identifies them (`teams:<AAD id>`, `slack:T:U`). */
export interface Person {
  id: string;
  /**
   * As the channel shows it: says who acknowledged a referral, and is kept as how colleagues see
   * this person named when they speak and the staff file names them not (StaffDirectory.rememberName).
   */
  name?: string;
  /** Speaking in a team channel or group chat, where others would see any pupil details. */
  shared?: boolean;
}

export interface AssistantOptions {
  /** No channel authentication (Emulator, tests on loopback): unknown people act as the local user. */
  localMode: boolean;
  log: Logger;
}

const CARDS = { typed: false };
/** "la ack <referral id>" / "la assign <referral id>", sent by the LA channel's buttons. */
const LA_COMMAND = /^la (ack|assign) ([0-9a-f-]{36})$/i;
/** After a notice for words that were not a command: no "didn't understand", just where to record it. */
const KIND_FALLBACK = 'Something went wrong on my side and nothing was saved. Please try again in a moment.';

/**
 * What every whole-form channel (Teams cards, Slack modals) asks of the core: who is this, what do
 * they want, and what to show. Identity and roles are resolved here on every call, so no channel
 * can skip the access rules; errors become a kind message and are logged without pupil details.
 */
export class Assistant {
  #la: LaNotices | undefined;

  /** Referral notices for the LA team; set once at start-up when a channel can carry them. */
  useLaNotices(la: LaNotices): void {
    this.#la = la;
  }

  constructor(
    private readonly core: Core,
    private readonly opts: AssistantOptions,
  ) {}

  /** What was already done (form ids, activity and event ids, button presses), kept in the data folder across restarts. */
  get idempotency(): KeyStore {
    return this.core.idempotency;
  }

  /** The person's role, or undefined when nobody has given them one yet. */
  whoIs(person: Person): StaffMember | undefined {
    const found = this.core.staff.find(person.id);
    if (found) return found;
    const local = this.core.config.localUser;
    return this.opts.localMode ? localStaffMember(local) : undefined;
  }

  welcome(person: Person): View[] {
    const me = this.whoIs(person);
    const intro = me
      ? `Hello. I help you follow ${this.core.pack.localAuthority}’s graduated response to preventing exclusions: what to do next for a pupil, who can help, and plans and reviews.`
      : `Hello. I help school staff follow ${this.core.pack.localAuthority}’s graduated response. You have no role yet, so for now I can find services for you. Type "whoami" for the id your admin needs.`;
    return [{ blocks: [heading('Graduated response assistant'), text(intro)] }, menuView(undefined, { ...CARDS, role: me ? me.role : null })];
  }

  /** The person's home page; someone without a role sees the menu and how to get one. */
  home(person: Person): Promise<View[]> {
    return this.#guard('home', async () => {
      const me = this.whoIs(person);
      if (!me) return [...this.welcome(person), ...this.#needsRole(person)];
      return homeViews(dialogContext(this.core, me));
    });
  }

  /**
   * Whether these words change something when run (a grant, an LA acknowledgement, a reminder's
   * snooze or done) rather than only show something, so a repeated button press must not run them again.
   */
  changes(raw: string): boolean {
    return this.#route(cleanChannelText(raw))?.changes ?? false;
  }

  /**
   * Words typed in a chat, as the channel delivered them (Teams HTML entities, Slack escapes and
   * mentions are cleaned here, once). A worry in the words leads the reply, whatever else was asked.
   * Forms open as forms; a one-question dialog answered in the words finishes at once.
   */
  async text(person: Person, raw: string): Promise<View[]> {
    await this.#rememberName(person);
    const input = cleanChannelText(raw);
    const notices = await this.#screen(person, [wordsToScreen(input)]);
    // Read as a command, a person @-mentioned is their id ("grant <@U123|ana> teacher oak-primary").
    return leadWith(notices, await this.#text(person, cleanChannelText(raw, { mentionIds: true }), notices.length > 0));
  }

  #text(person: Person, input: string, noticed: boolean): Promise<View[]> {
    return this.#guard('text', async () => {
      const me = this.whoIs(person);
      const command = this.#route(input);
      if (command) return command.run(person, me);
      const intent = recognise(input);
      // The menu offers what this person's role can do (issue 12: a teacher was offered SENDCo and LA items).
      const menu = { ...CARDS, role: me ? me.role : null };
      if (intent.kind === 'help') return [menuView(undefined, menu)];
      if (intent.kind === 'cancel' || intent.kind === 'quit') return [{ blocks: [text('There is nothing to stop: forms here are only saved when you press their button.')] }];
      if (intent.kind === 'unknown' && noticed) return [AFTER_NOTICE];
      if (intent.kind === 'unknown') {
        const meant = suggestCommand(input);
        const tip = meant ? `Did you mean “${meant}”? Press it below, type it like that, or pick from the menu.` : 'Try "what next for 4021", "who helps with attendance?", or pick from the menu.';
        // The suggestion as a button: one press instead of typing it again.
        const press: Block[] = meant ? [{ type: 'actions', actions: [{ label: meant, command: meant }] }] : [];
        return [{ blocks: [heading('Sorry, I didn’t understand that'), text(tip), ...press] }, menuView(undefined, menu)];
      }
      // Cards and modals keep no conversation, so there is no "last list": its buttons carry the page.
      if (intent.kind === 'more') return [{ blocks: [text('Press “Next” under the list for its next page, or type the list with a page, e.g. "my pupils page 2".')] }];
      if (intent.kind === 'details') return [{ blocks: [text('Press “Show details” under the guidance to see the rest of it.')] }];
      // Everyone in a channel would see the figures, and not all of them need be LA officers: say where they are shown.
      if (intent.kind === 'la-report' && person.shared)
        return [{ blocks: [heading('The LA figures are shown in your personal chat'), text('Everyone in this channel would see them, and they are for LA officers only, so I show them in your personal chat with me. Open a chat with the bot and type "la report" there (for example "la report sep to nov"); the CSV comes there too.')] }];
      const ctx = this.#context(person, me, intent.kind === 'dialog' && intent.dialogId === 'signpost');
      if (!ctx) return this.#needsRole(person);
      if (intent.kind === 'my-reviews') return [await myReviews(ctx)];
      if (intent.kind === 'read') return runRead(ctx, intent.read);
      if (intent.kind === 'la-report') return runLaReport(ctx, intent.request);
      const dialog = findDialog(intent.dialogId)!;
      const first = firstQuestionId(dialog, ctx);
      const prefill = { ...(intent.initialText && first ? { [first]: intent.initialText } : {}), ...intent.values };
      return (await openForm(dialog, ctx, prefill)).views;
    });
  }

  /**
   * The one list of commands run on their own words (staff, LA buttons, reminders): what each runs,
   * and whether that changes something, for {@link changes}. Undefined for any other words, which
   * only show something. A new command is added here and nowhere else.
   */
  #route(input: string): { changes: boolean; run: (person: Person, me: StaffMember | undefined) => Promise<View[]> } | undefined {
    const staffCommand = recogniseStaffCommand(input);
    if (staffCommand) return { changes: staffCommand.kind !== 'whoami', run: async (person, me) => [await runStaffCommand(staffCommand, person.id, me, this.core.staff)] };
    const la = input.trim().match(LA_COMMAND);
    if (la) return { changes: true, run: async (person, me) => (this.#la ? this.#la.act(person, me, la[2]!.toLowerCase(), la[1]!.toLowerCase() as 'ack' | 'assign') : [{ blocks: [text('LA notifications are not set up on this bot.', 'warning')] }]) };
    const reminderCommand = recogniseReminderCommand(input);
    if (reminderCommand) return { changes: true, run: async (person) => [await runReminderCommand(reminderCommand, person.id, { ledger: this.core.reminders, calendar: this.core.calendar, now: this.core.now() })] };
    return undefined;
  }

  /** A button that opens a dialog's form, optionally with answers already given ("what next for AB"). */
  open(person: Person, dialogId: string, prefill: FormValues = {}): Promise<View[]> {
    return this.#guard('open', async () => {
      const dialog = findDialog(dialogId);
      if (!dialog) return [menuView('That form no longer exists. Here is what I can do.', { ...CARDS, role: this.whoIs(person)?.role ?? null })];
      const ctx = this.#context(person, this.whoIs(person), dialogId === 'signpost');
      if (!ctx) return this.#needsRole(person);
      return (await openForm(dialog, ctx, prefill)).views;
    });
  }

  /**
   * The details behind a guidance's first screen, worked out again from what the guidance was
   * worked out from (a Slack "Show details" button). Pupil guidance, so it needs a role, as "what next" does.
   */
  details(person: Person, input: GuidanceInput): Promise<View[]> {
    return this.#guard('details', async () => {
      const ctx = this.#context(person, this.whoIs(person), false);
      if (!ctx) return this.#needsRole(person);
      return [guidanceDetailsView(ctx.pack, input)];
    });
  }

  /** The form as it was one step back (Slack modals have no Back of their own). */
  back(person: Person, dialogId: string, sub: FormSubmission): Promise<View[]> {
    return this.#guard('back', async () => {
      const dialog = findDialog(dialogId);
      const ctx = dialog && this.#context(person, this.whoIs(person), dialogId === 'signpost');
      if (!dialog || !ctx) return this.open(person, dialogId);
      return [{ blocks: [{ type: 'form', form: await earlierStep(dialog, ctx, sub) }] }];
    });
  }

  /**
   * A submitted form. Every field the person wrote is read for worries first (a choice's own code is not); the notice leads the reply and the
   * form is still saved. The caller makes a repeated submit of the same form id harmless.
   */
  async submit(person: Person, dialogId: string, sub: FormSubmission): Promise<FormOutcome> {
    await this.#rememberName(person);
    const dialog = findDialog(dialogId);
    const ctx = dialog && this.#context(person, this.whoIs(person), dialogId === 'signpost');
    const notices = await this.#screen(person, wordsWritten(dialog, ctx, sub.values));
    const outcome = await this.#submit(person, dialogId, sub);
    return { ...outcome, views: leadWith(notices, outcome.views) };
  }

  async #submit(person: Person, dialogId: string, sub: FormSubmission): Promise<FormOutcome> {
    const dialog = findDialog(dialogId);
    if (!dialog) return { done: true, views: [menuView('That form no longer exists. Here is what I can do.', { ...CARDS, role: this.whoIs(person)?.role ?? null })] };
    const ctx = this.#context(person, this.whoIs(person), dialogId === 'signpost');
    if (!ctx) return { done: true, views: this.#needsRole(person) };
    const outcome = await this.#guard('submit', () => submitForm(dialog, ctx, sub), (views): FormOutcome => ({ done: true, failed: true, views }));
    if (!outcome.done || !outcome.failed) return outcome;
    // Nothing was saved: the form comes back under the message with every answer in it, to send again.
    const form = await formAsSent(dialog, ctx, sub).catch(() => undefined);
    return form ? { done: false, failed: true, form, views: [...outcome.views, { blocks: [{ type: 'form', form }] }] } : outcome;
  }

  /** A search for services; the words are read for worries first, as everywhere. */
  async search(person: Person, raw: string, filters: SignpostFilters): Promise<View[]> {
    const query = cleanChannelText(raw);
    return leadWith(await this.#screen(person, [query]), await this.#search(person, query, filters));
  }

  #search(person: Person, query: string, filters: SignpostFilters): Promise<View[]> {
    return this.#guard('search', async () => {
      const ctx = this.#context(person, this.whoIs(person), true);
      if (!ctx) return this.#needsRole(person);
      if (!query.trim()) return [{ blocks: [text('Please type what you need help with, e.g. “attendance” or “online tuition”.', 'warning')] }];
      return searchServices(ctx, query, filters);
    });
  }

  /**
   * What a picker offers as the person types (a pupil they may see, a member of staff), read through
   * the same access rules as everything else. Nothing in a team channel or group chat, where pupil
   * work never happens, nor for someone with no role; a failure offers nothing rather than an error.
   */
  async lookup(person: Person, lookup: Lookup, typed: string, limit?: number): Promise<Choice[]> {
    const me = this.whoIs(person);
    const ctx = me && this.#context(person, me, false);
    if (!ctx) return [];
    try {
      return await lookupChoices(ctx, lookup, typed, limit);
    } catch (err) {
      this.opts.log.error('lookup failed', { lookup, code: err instanceof AppError ? err.code : 'unexpected' });
      return [];
    }
  }

  /** Signposting is public directory information, so people without a role may still use it. */
  #context(person: Person, me: StaffMember | undefined, publicOnly: boolean): DialogContext | undefined {
    if (person.shared && !publicOnly) return undefined;
    if (me) return dialogContext(this.core, me);
    // No school and no cases: the access rules give such a user nothing, which is the point.
    return publicOnly ? dialogContext(this.core, { id: person.id, role: 'teacher' }) : undefined;
  }

  /**
   * The one check on every text that enters: the notices to lead the reply with. The notice is
   * shown even if the audit record of it cannot be written (that failure is logged), and a check
   * that fails never stops the request.
   */
  #screen(person: Person, texts: readonly string[]): Promise<View[]> {
    const record = (found: readonly Concern[]) => recordConcernsShown(this.core.audit, person.id, this.core.now(), found);
    return screenTexts(this.core.pack, texts, record, this.opts.log);
  }

  /**
   * Someone who speaks with a name their chat gave is named by it to colleagues from then on, where
   * the staff file gives them none (a member of staff's own name, not pupil data: README, privacy).
   * A failure to keep it is logged without the name and never stops the request.
   */
  async #rememberName(person: Person): Promise<void> {
    if (!person.name) return;
    await this.core.staff.rememberName(person.id, person.name).catch((err: unknown) => this.opts.log.warn('chat name not kept', { code: err instanceof AppError ? err.code : 'unexpected' }));
  }

  #needsRole(person: Person): View[] {
    if (person.shared)
      return [{ blocks: [heading('Let’s talk about pupils in private'), text('Everyone here would see pupil details, so plans, reviews and guidance for a pupil only happen in your personal chat with me. Open a chat with the bot and ask there. Here I can find services: try "who helps with attendance?".')] }];
    return [{ blocks: [heading('You don’t have a role yet'), text(`Pupil records need a role from your admin. Ask them to run: grant ${person.id} sendco <school-id> (or teacher). Until then I can find services: try "who helps with attendance?".`)] }];
  }

  async #guard<T>(what: string, run: () => Promise<T>, wrap: (views: View[]) => T = (v) => v as T): Promise<T> {
    try {
      return await run();
    } catch (err) {
      const known = err instanceof AppError && err.code !== 'store-invalid';
      this.opts.log.error('request failed', { what, code: err instanceof AppError ? err.code : 'unexpected' });
      return wrap([{ blocks: [text(known ? err.message : KIND_FALLBACK, 'warning')] }]);
    }
  }
}
