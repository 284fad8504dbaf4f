import { AppError } from '../core/errors.js';
import type { StaffDirectory } from '../core/staff-directory.js';
import type { DraftStore, FormDraft } from '../core/store/draft-store.js';
import { text, type View } from '../core/views/view.js';
import { converse, newConversation, type ConversationState } from '../dialogs/conversation.js';
import type { DialogContext, FormState } from '../dialogs/dialog.js';
import { discardedView, DRAFT_FAILED, draftOffer, draftSubject, keptView, notKeptView, readDraftReply, replacedView, UNREADABLE_DRAFT, worthKeeping } from '../dialogs/drafts.js';
import { resumeViews } from '../dialogs/mid-form.js';
import { findDialog } from '../dialogs/registry.js';
import { recogniseStaffCommand, runStaffCommand } from '../dialogs/staff-commands.js';
import type { Logger } from '../logger.js';

export interface ChatSessionDeps {
  ctx: DialogContext;
  drafts: DraftStore;
  staff: StaffDirectory;
  log: Logger;
}

/** What the chat shows for a line, and whether the person asked to leave. */
export interface ChatReply {
  views: View[];
  quit: boolean;
}

const asForm = (d: FormDraft): FormState => ({ dialogId: d.dialogId, answers: d.answers, history: d.history });

/**
 * The form a draft keeps: one put aside for a guidance question ("what next" halfway through a PCP)
 * before the guidance form itself, since the bot promised to go back to it; otherwise the open form.
 */
const keptForm = (state: ConversationState): FormState | undefined => (worthKeeping(state.paused) ? state.paused : state.active);

/**
 * One person's terminal chat: the conversation, the staff commands the terminal also takes, and
 * the draft of an unfinished form. A form with answers is kept as a draft after every line (so
 * "quit", the end of input or a closed window loses nothing) and removed when it is saved or
 * stopped; a draft found at the start is offered back. A draft offered and not taken up is left
 * alone until this chat has a form of its own to keep. Nothing here is logged but error codes.
 */
export class ChatSession {
  #state: ConversationState = newConversation();
  /** A draft found at the start, offered; it waits for "carry on" or "discard" until this chat keeps a form of its own. */
  #offered: FormDraft | undefined;
  /** The draft on file is this chat's own form (taken up, discarded, or written here), so it may be replaced or removed. */
  #ownsDraft = true;
  /** The form as last kept, so an unchanged form is not written again. */
  #kept: string | undefined;
  #warned = false;

  constructor(private readonly deps: ChatSessionDeps) {}

  get #me(): string {
    return this.deps.ctx.user.id;
  }

  /** What to say when the chat opens: the offer of an unfinished form, if one is kept, or that one could not be read. */
  async start(): Promise<View[]> {
    const draft = this.deps.drafts.get(this.#me);
    if (!draft) return this.deps.drafts.unreadableDraft(this.#me) ? [UNREADABLE_DRAFT] : [];
    this.#offered = draft;
    this.#ownsDraft = false;
    return [await draftOffer(this.deps.ctx, asForm(draft), new Date(draft.savedAt))];
  }

  /** One line typed. */
  async line(line: string): Promise<ChatReply> {
    // "carry on" or "discard" takes up the draft whenever one is waiting and no form is open here,
    // not only as the first line: the person may look something up first.
    const waiting = this.#offered ?? (this.#ownsDraft || this.#state.active ? undefined : this.deps.drafts.get(this.#me));
    this.#offered = undefined;
    const reply = waiting && !this.#state.active ? readDraftReply(line, waiting.dialogId) : undefined;
    if (waiting && reply) return { views: await this.#answerOffer(waiting, reply), quit: false };
    // whoami / grant / revoke work here as in Teams and Slack. In the middle of a form only "whoami" (the PSP
    // asks for a staff id), so an answer such as "grant extra time" stays an answer; the form's question follows.
    const found = recogniseStaffCommand(line);
    const staffCommand = this.#state.active && found?.kind !== 'whoami' ? undefined : found;
    if (staffCommand) {
      const { ctx, staff } = this.deps;
      const shown = await runStaffCommand(staffCommand, ctx.user.id, ctx.user, staff).catch((err: Error): View => ({ blocks: [text(err.message, 'warning')] }));
      return { views: [shown, ...resumeViews(ctx, this.#state)], quit: false };
    }
    const t = await converse(this.deps.ctx, this.#state, line, this.deps.log);
    this.#state = t.state;
    const note = await this.#keep();
    if (!t.quit) return { views: [...t.views, ...note], quit: false };
    return { views: [...(await this.#leaving()), ...t.views], quit: true };
  }

  /** The input ended (Ctrl-D, the end of a script, Ctrl-C): where an open form's answers are. */
  end(): Promise<View[]> {
    return this.#leaving();
  }

  async #answerOffer(draft: FormDraft, reply: 'carry-on' | 'discard'): Promise<View[]> {
    const { ctx, drafts } = this.deps;
    const form = asForm(draft);
    this.#ownsDraft = true;
    if (reply === 'discard' || !findDialog(form.dialogId)) {
      const gone = reply === 'discard' ? await discardedView(ctx, form) : { blocks: [text('That unfinished form no longer exists here, so it was discarded.')] };
      await drafts.discard(this.#me).catch((err: unknown) => this.#failed(err));
      return [gone];
    }
    this.#state = { misunderstood: 0, active: form };
    this.#kept = JSON.stringify(form);
    const { full } = await draftSubject(ctx, form);
    return resumeViews(ctx, this.#state, `Carrying on with your ${full} where you left it: answer the question below, or type "cancel" to stop.`);
  }

  /**
   * Keeps the open form as the person's draft when it changed, or removes this chat's draft once
   * its form is over (saved, stopped, or left for another). A write that fails is said once.
   */
  async #keep(): Promise<View[]> {
    const { ctx, drafts } = this.deps;
    const form = keptForm(this.#state);
    try {
      if (!worthKeeping(form)) {
        if (this.#ownsDraft && drafts.get(this.#me)) await drafts.discard(this.#me);
        this.#kept = undefined;
        return [];
      }
      const json = JSON.stringify(form);
      if (json === this.#kept) return [];
      const older = this.#ownsDraft ? undefined : drafts.get(this.#me);
      await drafts.keep(this.#me, form);
      this.#kept = json;
      this.#ownsDraft = true;
      this.#warned = false;
      return older ? [await replacedView(ctx, asForm(older), new Date(older.savedAt))] : [];
    } catch (err) {
      this.#failed(err);
      if (this.#warned) return [];
      this.#warned = true;
      return [DRAFT_FAILED];
    }
  }

  /** On leaving: the open form was kept (or could not be). */
  async #leaving(): Promise<View[]> {
    const form = keptForm(this.#state);
    if (!worthKeeping(form)) return [];
    const draft = this.deps.drafts.get(this.#me);
    const kept = draft !== undefined && this.#kept === JSON.stringify(form);
    return [kept ? await keptView(this.deps.ctx, form, this.deps.drafts.expiresAt(draft)) : await notKeptView(this.deps.ctx, form)];
  }

  #failed(err: unknown): void {
    this.deps.log.error('draft not kept', { code: err instanceof AppError ? err.code : 'unexpected' });
  }
}
