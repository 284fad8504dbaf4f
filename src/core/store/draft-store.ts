import { z } from 'zod/v4';
import { IsoDateTime, StaffId } from '../cases/pupil-case.js';
import type { DataFolder } from './data-folder.js';
import { documentSource, type DocumentSource, type SettingsDocument } from './settings-document.js';
import { VERSIONED_FROM_THE_START } from './migrations.js';

/** How long an unfinished form is kept: a week, time to speak to parents, and no longer for special-category data. */
export const DRAFT_DAYS = 7;
const DRAFT_MS = DRAFT_DAYS * 24 * 60 * 60_000;

/** An unfinished form as a typed conversation holds it (plain JSON), and when it was last kept. */
const FormDraft = z.strictObject({
  dialogId: z.string().min(1).max(100),
  answers: z.record(z.string().max(200), z.json()),
  history: z.array(z.string().max(200)).max(500),
  savedAt: IsoDateTime,
});
export type FormDraft = z.infer<typeof FormDraft>;

/** What is kept of a form: the conversation's own state for it. */
export interface DraftForm {
  dialogId: string;
  answers: Record<string, unknown>;
  history: string[];
}

const DraftsFile = z.strictObject({ schemaVersion: z.literal(1), drafts: z.record(StaffId, FormDraft) });
type DraftsFile = z.infer<typeof DraftsFile>;

/**
 * Unfinished forms, one per person (`<dataDir>/drafts.json`), so answers typed in the terminal
 * survive "quit", the end of input or a closed window. They are special-category data about
 * children, so they live in the data folder like the cases (owner-only, durable and atomic writes,
 * the lock checked first), are never logged, and are gone after {@link DRAFT_DAYS} days: dropped
 * when the file is opened and whenever it is written, and never handed out once expired.
 */
export class DraftStore {
  private constructor(
    private readonly doc: SettingsDocument<DraftsFile>,
    private readonly now: () => Date,
  ) {}

  /**
   * Reads the file (StoreError('store-invalid') naming it if it is not valid) and removes expired drafts from it.
   * `where` is the data folder, or a source keeping documents elsewhere (PostgreSQL, so a draft left on one instance is offered on another).
   */
  static async open(where: DataFolder | DocumentSource, now: () => Date = () => new Date()): Promise<DraftStore> {
    const readOnly = typeof where !== 'function' && where.readOnly;
    const doc = await documentSource(where)('drafts', DraftsFile, () => ({ schemaVersion: 1 as const, drafts: {} }), VERSIONED_FROM_THE_START);
    const store = new DraftStore(doc, now);
    if (Object.keys(store.#live(doc.data)).length < Object.keys(doc.data.drafts).length && !readOnly) await doc.update((f) => ({ ...f, drafts: store.#live(f) }));
    return store;
  }

  /** The person's unfinished form, unless it has expired. */
  get(personId: string): FormDraft | undefined {
    const d = this.doc.data.drafts[personId];
    return d && !this.#expired(d) ? d : undefined;
  }

  /** When a draft stops being kept. */
  expiresAt(draft: Pick<FormDraft, 'savedAt'>): Date {
    return new Date(Date.parse(draft.savedAt) + DRAFT_MS);
  }

  /**
   * Keeps the person's unfinished form, replacing any earlier one, stamped now. Throws what the
   * data folder throws (StoreError('store-locked') once the lock is lost), and a ZodError if the
   * form is not plain JSON.
   */
  async keep(personId: string, form: DraftForm): Promise<FormDraft> {
    const draft = FormDraft.parse(JSON.parse(JSON.stringify({ dialogId: form.dialogId, answers: form.answers, history: form.history, savedAt: this.now().toISOString() })));
    await this.doc.update((f) => ({ ...f, drafts: { ...this.#live(f), [personId]: draft } }));
    return draft;
  }

  /** Removes the person's draft (the form was saved, cancelled or discarded). Nothing is written when there is none. */
  async discard(personId: string): Promise<void> {
    if (!(personId in this.doc.data.drafts)) return;
    await this.doc.update((f) => ({ ...f, drafts: Object.fromEntries(Object.entries(this.#live(f)).filter(([id]) => id !== personId)) }));
  }

  close(): Promise<void> {
    return this.doc.close();
  }

  #expired(d: FormDraft): boolean {
    return this.expiresAt(d).getTime() <= this.now().getTime();
  }

  #live(f: DraftsFile): DraftsFile['drafts'] {
    return Object.fromEntries(Object.entries(f.drafts).filter(([, d]) => !this.#expired(d)));
  }
}
