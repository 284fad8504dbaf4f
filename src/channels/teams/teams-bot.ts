import { Application, TeamsAdapter, type AdaptiveCardSearchResult, type AdaptiveCardsSearchParams, type Query } from '@microsoft/teams-ai';
import { ActivityTypes, TurnContext, type ConversationReference } from 'botbuilder';
import type { Assistant, Person } from '../../app/assistant.js';
import type { FormSubmissions } from '../../app/form-submissions.js';
import { inTime } from '../../app/in-time.js';
import { ButtonPresses } from '../../app/button-presses.js';
import { Once } from '../../app/once.js';
import type { Outbox } from '../../app/outbox.js';
import { isSendFailure } from '../../app/outbound.js';
import { isLinkLaChannel, type LaChannelLink } from '../../app/la-channel-link.js';
import { StoreError } from '../../core/errors.js';
import { text, type Lookup, type View } from '../../core/views/view.js';
import type { Logger } from '../../logger.js';
import { cardMessage } from './card-message.js';
import { CommandData, DATASET, FormCancelData, FormSubmitData, formValuesFrom, peoplePickerValue, SearchData, searchFrom, VERB } from './cards/actions.js';
import type { AdaptiveCard } from './cards/adaptive-types.js';
import { renderCard } from './cards/render-card.js';
import type { ConversationReferences } from './conversation-references.js';
import type { TeamsNotifier } from './notifier.js';
import { personOf } from './person.js';
import { forgetRemoved, isRemoval } from './lifecycle.js';
import { isAnyExecute, isUnknownSubmit } from './stale-actions.js';
import { typedText } from './typed-text.js';
import { cleanChannelText } from '../../core/text/channel-text.js';
import { outOfDateViews } from '../../dialogs/views/out-of-date-view.js';
import type { AuditLog } from '../../core/store/case-repository.js';
import { asksForFile } from '../../dialogs/read/read-request.js';
import { FileConsentResponse, TeamsFiles } from './file-consent.js';

export interface TeamsBotDeps {
  adapter: TeamsAdapter;
  appId: string;
  assistant: Assistant;
  forms: FormSubmissions;
  references: ConversationReferences;
  notifier: TeamsNotifier;
  outbox: Outbox;
  /** Files (the evidence pack) offered through the personal chat's consent card. */
  files: TeamsFiles;
  log: Logger;
  localMode: boolean;
  /** Teams resends what it has not seen answered in 15 s; card submits are answered well before. */
  answerWithinMs?: number;
  /** Where "link la channel" records the LA team's channel. */
  laLink?: LaChannelLink;
  /** Where uninstalls and removals are recorded (ids only). */
  audit?: AuditLog;
  now?: () => Date;
}

const UNKNOWN_PERSON: View[] = [{ blocks: [text('I couldn’t tell who you are from this message, so I can’t show anything yet. Please try again from Teams.', 'warning')] }];
const STILL_WORKING: View[] = [{ blocks: [text('Still working on that. This card will update when it is done; there is no need to press again.', 'muted')] }];
/** Teams shows at most 15 choices in a picker's list. */
const TEAMS_PICKER_MAX = 15;
/** Longer words than any reference, initials or name are not a search anyone typed. */
const LOOKUP_TEXT_MAX = 100;
const STOPPED: View[] = [{ blocks: [text('Stopped. Nothing from that form was saved.')] }];

/**
 * The Teams channel: routes activities and card actions to the channel-neutral Assistant and
 * renders what it returns as Adaptive Cards. No decisions are made here.
 */
export class TeamsBot {
  readonly app: Application;
  /** Activity ids already handled, kept in the data folder so a resend after a restart is still dropped. */
  readonly #delivered: Once<never>;
  readonly #presses: ButtonPresses;
  readonly #background = new Set<Promise<unknown>>();

  constructor(private readonly deps: TeamsBotDeps) {
    this.#delivered = new Once<never>({ ttlMs: 30 * 60_000, persist: { store: deps.assistant.idempotency, namespace: 'teams-activity:' } });
    this.#presses = new ButtonPresses(deps.assistant);
    this.app = new Application({ adapter: deps.adapter, botAppId: deps.appId, startTypingTimer: false, removeRecipientMention: true, longRunningMessages: false });
    this.#routes();
  }

  /** Lets background work (slow submits reporting back) finish before shutdown. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.#background]);
    await this.deps.outbox.idle();
  }

  #routes(): void {
    const { app, deps } = this;
    app.turn('beforeTurn', async (context) => {
      const a = context.activity;
      // Invokes are made safe by the form id instead; their resend must still get an answer.
      if (a.type !== ActivityTypes.Invoke && a.id && (await this.#delivered.seen(`${a.conversation?.id ?? ''}|${a.id}`))) {
        deps.log.info('duplicate activity skipped', { type: a.type });
        return false;
      }
      // Only activities the adapter accepted reach this point, so the serviceUrl is the channel's own.
      await deps.references.remember(TurnContext.getConversationReference(a), personOf(a, deps.localMode)?.id);
      return true;
    });

    // Uninstalled, or removed from a team or chat: nothing more can be sent there, so stop trying.
    app.activity(async (context) => isRemoval(context.activity), async (context) => {
      await forgetRemoved(context.activity, { references: deps.references, now: deps.now ?? (() => new Date()), localMode: deps.localMode, ...(deps.audit ? { audit: deps.audit } : {}) });
      deps.log.info('bot removed from a conversation', { type: context.activity.type });
    });

    app.conversationUpdate('membersAdded', async (context) => {
      const added = context.activity.membersAdded ?? [];
      if (!added.some((m) => m.id === context.activity.recipient.id)) return;
      const person = personOf(context.activity, deps.localMode);
      await this.#send(context, person ? deps.assistant.welcome(person) : deps.assistant.welcome({ id: 'teams:unknown' }));
    });

    app.adaptiveCards.actionExecute(VERB.command, (context, _s, data) => this.#answer(context, (p) => this.#command(context, p, data)));

    // The consent card of a file offered in the personal chat: accepted (upload it) or declined.
    app.fileConsentAccept(async (context, _s, value) => this.#fileConsent(context, value));
    app.fileConsentDecline(async (context, _s, value) => this.#fileConsent(context, value));
    app.adaptiveCards.actionExecute(VERB.submitForm, (context, _s, data) => this.#answer(context, (p) => this.#submit(p, data)));
    app.adaptiveCards.actionExecute(VERB.search, (context, _s, data) => this.#answer(context, (p) => this.#search(p, data)));
    // Pickers: as the person types, Teams asks for the choices that match (an application/search invoke).
    app.adaptiveCards.search(DATASET.pupil, (context, _s, query) => this.#lookup(context, 'pupil', query));
    // Teams serves its people picker itself; a client without the organisation's directory asks the bot.
    app.adaptiveCards.search(DATASET.staff, (context, _s, query) => this.#lookup(context, 'staff', query));

    app.adaptiveCards.actionExecute(VERB.cancelForm, async (context, _s, data) => renderCard(FormCancelData.safeParse(data).success ? STOPPED : this.#badData()));

    // Action.Submit fallback (older clients): the same work, answered as a new message.
    const submitted = (run: (p: Person, data: Record<string, unknown>, context: TurnContext) => Promise<View[]>) => async (context: TurnContext, _s: unknown, data: Record<string, unknown>) => {
      const person = personOf(context.activity, deps.localMode);
      await this.#send(context, person ? await run(person, data, context) : UNKNOWN_PERSON);
    };
    app.adaptiveCards.actionSubmit(VERB.command, submitted((p, d, c) => this.#command(c, p, d)));
    app.adaptiveCards.actionSubmit(VERB.submitForm, submitted((p, d) => this.#submit(p, d)));
    app.adaptiveCards.actionSubmit(VERB.search, submitted((p, d) => this.#search(p, d)));
    app.adaptiveCards.actionSubmit(VERB.cancelForm, submitted(async () => STOPPED));

    // An Action.Submit from an older card (data no route knows): say so with a fresh menu, never guess.
    app.activity(async (context) => isUnknownSubmit(context.activity), async (context) => void (await this.#send(context, await this.#outOfDate(context))));

    app.activity(ActivityTypes.Message, async (context) => {
      const person = personOf(context.activity, deps.localMode);
      const raw = typedText(context.activity);
      if (!person) return void (await this.#send(context, UNKNOWN_PERSON));
      // Read, not passed on: the assistant cleans the raw words itself, once.
      const words = cleanChannelText(raw);
      if (isLinkLaChannel(words)) return void (await this.#send(context, await this.#linkLaChannel(context, person)));
      if (person.shared && asksForFile(words)) return void (await this.#send(context, await this.#fileFromSharedChat(person, raw)));
      await this.#send(context, await deps.assistant.text(person, words ? raw : 'help'));
    });

    // Last: an Action.Execute with no verb or one from an older version gets a card, not an empty 501.
    app.adaptiveCards.actionExecute(async (context) => isAnyExecute(context.activity), async (context) => renderCard(await this.#outOfDate(context)));

    app.error(async (context, err) => {
      deps.log.error('teams turn failed', { type: context.activity.type, error: err.name });
      // A lost data-folder lock has its own kind message (no paths); anything else gets the general one.
      const message = err instanceof StoreError && err.code === 'store-locked' ? err.message : 'Sorry, something went wrong on my side. Nothing was saved from that message; please try again.';
      // If the reply itself could not be sent, an apology would wait as long again (Teams resends after 15 s).
      if (context.activity.type === ActivityTypes.Message && !isSendFailure(err)) await this.#send(context, [{ blocks: [text(message, 'warning')] }]).catch(() => undefined);
    });
  }

  /** Run by an admin in a team channel: referral notices for the LA team go there from now on. */
  #linkLaChannel(context: TurnContext, person: Person): Promise<View[]> {
    const conversation = context.activity.conversation;
    const where = conversation.conversationType === 'channel' ? { channel: 'teams' as const, target: conversation.id } : undefined;
    if (!this.deps.laLink) return Promise.resolve([{ blocks: [text('LA notifications are not set up on this bot.', 'warning')] }]);
    return this.deps.laLink.linkBy(this.deps.assistant.whoIs(person), where, new Date());
  }

  /**
   * Keyed on the card the button was on, so a double click or a resend does nothing twice. A file
   * the answer carries ("Evidence pack") is offered with its own consent card beside the card.
   */
  async #command(context: TurnContext, person: Person, data: Record<string, unknown>): Promise<View[]> {
    const parsed = CommandData.safeParse(data);
    if (!parsed.success) return this.#badData();
    const views = await this.#presses.press(person, context.activity.replyToId, parsed.data.command);
    if (TeamsFiles.carriesFile(views)) this.#inBackground(this.deps.files.offer(TurnContext.getConversationReference(context.activity) as ConversationReference, views));
    return views;
  }

  /**
   * A file asked for in a team channel or group chat, where Teams lets no bot send one and others
   * would see it: it goes to the person's personal chat with the bot if they have one, or they are
   * told how to ask there. Nothing about the pupil is said here.
   */
  async #fileFromSharedChat(person: Person, raw: string): Promise<View[]> {
    const personal = this.deps.files.personalChat(person);
    const words = cleanChannelText(raw);
    if (!personal)
      return [{ blocks: [text(`Files about a pupil only go to your personal chat with me, where only you can see them. Open a chat with me (in Teams: Chat, then find Graduated Response), type "${words}" there, and I will send it.`)] }];
    const views = await this.deps.assistant.text({ ...person, shared: false }, raw);
    await this.deps.files.sendTo(personal, views);
    return [{ blocks: [text('I have answered in your personal chat with me, where only you can see it: files about a pupil are only sent there.')] }];
  }

  /** A file's consent card was answered: upload on accept, a kind word on decline. */
  async #fileConsent(context: TurnContext, value: unknown): Promise<void> {
    const person = personOf(context.activity, this.deps.localMode);
    const parsed = FileConsentResponse.safeParse(value);
    if (!person) return void (await this.#send(context, UNKNOWN_PERSON));
    if (!parsed.success) return void (await this.#send(context, this.#badData()));
    await (parsed.data.action === 'accept' ? this.deps.files.accept(context, person, parsed.data) : this.deps.files.decline(context, parsed.data));
  }

  #inBackground(work: Promise<unknown>): void {
    const done = work.catch((err: Error) => this.deps.log.error('file offer failed', { error: err.name })).finally(() => this.#background.delete(done));
    this.#background.add(done);
  }

  async #submit(person: Person, data: Record<string, unknown>): Promise<View[]> {
    const parsed = FormSubmitData.safeParse(data);
    if (!parsed.success) return this.#badData();
    const { dialogId, formId, shown } = parsed.data;
    return (await this.deps.forms.submit(person, dialogId, { formId, shown, values: formValuesFrom(data) })).views;
  }

  #search(person: Person, data: Record<string, unknown>): Promise<View[]> {
    if (!SearchData.safeParse(data).success) return Promise.resolve(this.#badData());
    const { query, filters } = searchFrom(data);
    return this.deps.assistant.search(person, query, filters);
  }

  /**
   * A picker's choices for what the person has typed so far, from the core (which applies the access
   * rules), at most as many as Teams shows. Staff are offered by AAD object id, as Teams' own picker does.
   */
  async #lookup(context: TurnContext, lookup: Lookup, query: Query<AdaptiveCardsSearchParams>): Promise<AdaptiveCardSearchResult[]> {
    const person = personOf(context.activity, this.deps.localMode);
    if (!person) return [];
    const typed = typeof query.parameters.queryText === 'string' ? query.parameters.queryText.slice(0, LOOKUP_TEXT_MAX) : '';
    const count = Number.isInteger(query.count) && query.count > 0 ? Math.min(query.count, TEAMS_PICKER_MAX) : TEAMS_PICKER_MAX;
    const choices = await this.deps.assistant.lookup(person, lookup, typed, count);
    return choices.map((c) => ({ title: c.label, value: lookup === 'staff' ? peoplePickerValue(c.value) : c.value }));
  }

  /** The out-of-date notice and the person's menu. */
  async #outOfDate(context: TurnContext): Promise<View[]> {
    this.deps.log.warn('card action refused', { reason: 'out-of-date card' });
    const person = personOf(context.activity, this.deps.localMode);
    return outOfDateViews(person ? await this.deps.assistant.text(person, 'help') : []);
  }

  #badData(): View[] {
    this.deps.log.warn('card action refused', { reason: 'unexpected data' });
    return [{ blocks: [text('That button came from a card I no longer understand. Type "help" to start again; nothing was saved.', 'warning')] }];
  }

  /**
   * Answers a card action with the new card in place. If the work takes longer than Teams should
   * wait, the card says so at once and is updated when the work finishes.
   */
  async #answer(context: TurnContext, work: (person: Person) => Promise<View[]>): Promise<AdaptiveCard> {
    const person = personOf(context.activity, this.deps.localMode);
    if (!person) return renderCard(UNKNOWN_PERSON);
    const result = work(person);
    const done = await inTime(result, this.deps.answerWithinMs ?? 4000);
    if (done) return renderCard(done.value);
    this.#reportLater(TurnContext.getConversationReference(context.activity), context.activity.replyToId, result);
    return renderCard(STILL_WORKING);
  }

  #reportLater(ref: Partial<ConversationReference>, cardId: string | undefined, result: Promise<View[]>): void {
    const done = result
      .then((views) => (cardId ? this.deps.notifier.updateCard(ref, cardId, views) : undefined))
      .catch((err: Error) => this.deps.log.error('late card update failed', { error: err.name }))
      .finally(() => this.#background.delete(done));
    this.#background.add(done);
  }

  /** A reply in the turn's conversation; a file it carries follows with its consent card (only a personal chat gets one). */
  async #send(context: TurnContext, views: readonly View[]): Promise<unknown> {
    const sent = await this.deps.outbox.send(context.activity.conversation.id, () => context.sendActivity(cardMessage(views)));
    if (TeamsFiles.carriesFile(views)) await this.deps.files.offer(TurnContext.getConversationReference(context.activity) as ConversationReference, views);
    return sent;
  }
}
