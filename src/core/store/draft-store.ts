import { z } from 'zod/v4';
import { IsoDateTime, StaffId } from '../cases/pupil-case.js';
import type { DataFolder } from './data-folder.js';
import type { Logger } from '../../logger.js';
import { upgrade, VERSIONED_FROM_THE_START } from './migrations.js';
import { readDataFile } from './read-data-file.js';
import { setAside } from './set-aside.js';
import { documentSource, type DocumentSource, type SettingsDocument } from './settings-document.js';
import { describeFirstIssue } from './zod-issue.js';

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
  /** People whose draft was in a drafts file that could not be read, so it cannot be offered back. */
  readonly #unreadable: Set<string>;

  private constructor(
    private readonly doc: SettingsDocument<DraftsFile>,
    private readonly now: () => Date,
    unreadable: readonly string[] = [],
  ) {
    this.#unreadable = new Set(unreadable);
  }

  /**
   * Reads the drafts and removes expired ones. `where` is the data folder, or a source keeping
   * documents elsewhere (PostgreSQL, so a draft left on one instance is offered on another).
   * Drafts are a convenience, so a data-folder file that is not valid JSON or fails the schema
   * (edited by hand) does not stop the bot: it is moved aside byte for byte (set-aside.ts), `log`
   * says so naming both files and the problem's place (never what is in it), and the bot starts
   * with no drafts; whose drafts it held, where that can be read, is kept so each can be told
   * (unreadableDraft). A newer version's file or a symbolic link still stops start-up
   * (StoreError('store-invalid') naming it), as for any data file; so does an invalid PostgreSQL
   * document, refused by name when read.
   */
  static async open(where: DataFolder | DocumentSource, now: () => Date = () => new Date(), log?: Logger): Promise<DraftStore> {
    const folder = typeof where === 'function' ? undefined : where;
    const readOnly = !!folder?.readOnly;
    const path = folder?.file('drafts');
    const broken = path ? await brokenDrafts(path) : undefined;
    if (folder && path && broken && !readOnly) {
      await folder.assertOwner();
      const aside = await setAside(path, now());
      log?.warn(`${path} could not be read (${broken.problem}), so no unfinished forms are offered. It was moved aside, as it was, to ${aside}; it holds pupil details like the drafts, so delete it once checked.`, { file: path, movedTo: aside });
    }
    // Opened read-only nothing may be moved, so a broken file is refused by name as before.
    const doc = await documentSource(where)('drafts', DraftsFile, () => ({ schemaVersion: 1 as const, drafts: {} }), VERSIONED_FROM_THE_START);
    const store = new DraftStore(doc, now, broken?.owners);
    if (Object.keys(store.#live(doc.data)).length < Object.keys(doc.data.drafts).length && !readOnly) await doc.update((f) => ({ ...f, drafts: store.#live(f) }));
    return store;
  }

  /** Whether the person had a draft in a drafts file that could not be read at start-up, so none can be offered. */
  unreadableDraft(personId: string): boolean {
    return this.#unreadable.has(personId);
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

/** Staff ids a drafts file written by this bot names as holding a draft: `"<id>": {"dialogId"`, read even when the JSON is broken. */
function ownersIn(text: string): string[] {
  const ids = [...text.matchAll(/"([^"\\]{1,200})"\s*:\s*\{\s*"dialogId"/g)].map((m) => m[1]!);
  return [...new Set(ids.filter((id) => StaffId.safeParse(id).success))];
}

/**
 * Why the drafts file cannot be read, and whose drafts it seems to hold; undefined when it is missing,
 * readable, or from a newer version of the bot (JsonDocument refuses that one by name).
 */
async function brokenDrafts(path: string): Promise<{ problem: string; owners: string[] } | undefined> {
  const text = await readDataFile(path);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The SyntaxError quotes the text around the mistake, which may hold pupil details: keep it out.
    return { problem: 'not valid JSON', owners: ownersIn(text) };
  }
  const upgraded = upgrade(json, VERSIONED_FROM_THE_START);
  if (!upgraded.ok) return upgraded.newer !== undefined ? undefined : { problem: upgraded.problem, owners: ownersIn(text) };
  const parsed = DraftsFile.safeParse(upgraded.value);
  return parsed.success ? undefined : { problem: describeFirstIssue(parsed.error), owners: ownersIn(text) };
}
