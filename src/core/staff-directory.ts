import { z } from 'zod/v4';
import { SchoolId } from './cases/pupil-case.js';
import { AppError } from './errors.js';
import { Role, type StaffMember } from './staff.js';
import type { AuditLog } from './store/case-repository.js';
import type { DataFolder } from './store/data-folder.js';
import { documentSource, type DocumentSource, type SettingsDocument } from './store/settings-document.js';
import { schoolName } from './text/school-name.js';
import { stampVersion1, type FileVersions } from './store/migrations.js';

/**
 * A person's id as their channel knows them, prefixed by channel so ids from Teams and Slack never
 * collide: `teams:<AAD object id>`, `slack:<team id>:<user id>`.
 */
export const StaffKey = z.string().regex(/^(teams|slack|local):[A-Za-z0-9._:-]{1,120}$/, 'a channel id such as "teams:<AAD object id>" or "slack:T012:U034"');

export const StaffEntry = z
  .object({
    id: StaffKey,
    role: Role,
    schoolId: SchoolId.optional(),
    /** The person's name as colleagues know it ("Sam Patel"), so views name them rather than show an id. */
    name: z.string().trim().min(1).max(80).optional(),
    grantedBy: z.string().max(128).optional(),
    grantedAt: z.string().max(40).optional(),
  })
  .strict()
  .refine((e) => e.schoolId !== undefined || e.role === 'la-officer' || e.role === 'admin', { message: 'teachers, SENDCos and headteachers need a schoolId', path: ['schoolId'] });
export type StaffEntry = z.infer<typeof StaffEntry>;

/** A school's name as staff know it ("Oak Primary School"), for where the bot shows a school. */
export const SchoolEntry = z.object({ id: SchoolId, name: z.string().trim().min(1).max(120) }).strict();
export type SchoolEntry = z.infer<typeof SchoolEntry>;

/**
 * The staff file an operator writes (STAFF_FILE): configuration, read only, so it has no version.
 * It may also name the schools (`schools`), so people read "Oak Primary School" rather than "oak-primary".
 */
export const StaffFile = z.object({ staff: z.array(StaffEntry), schools: z.array(SchoolEntry).optional() }).strict();
export type StaffFile = z.infer<typeof StaffFile>;

/** A name as a person's chat gives it ("Sam Patel"), kept for naming them to colleagues. */
const ChatName = z.string().trim().min(1).max(80);

/**
 * The roles admins grant in chat (`staff.json` in the data folder), versioned like every data file,
 * and `names`: by staff id, the name each person's chat gave when they last spoke, for those the
 * staff file names not (a member of staff's own name, not pupil data).
 */
const GrantsFile = z.object({ schemaVersion: z.literal(1), staff: z.array(StaffEntry), names: z.record(StaffKey, ChatName).optional() }).strict();
/** Files written before data files had versions hold the same list without one. */
const GRANTS_VERSIONS: FileVersions = { current: 1, migrations: [stampVersion1] };

/** A staff entry as the bot uses it: named by the staff file's `name`, else by `chatName`, the name their chat gave. */
const member = (e: StaffEntry, chatName?: string): StaffMember => {
  const name = e.name ?? chatName;
  return { id: e.id, role: e.role, ...(e.schoolId ? { schoolId: e.schoolId } : {}), ...(name ? { displayName: name } : {}) };
};

/**
 * Who is who. Roles come from the configured staff file (read-only, for the first admin and for
 * schools that manage roles centrally) and from admins' `grant` commands, kept in the data folder.
 * A grant overrides the configured entry for the same person.
 */
export class StaffDirectory {
  private constructor(
    private readonly configured: ReadonlyMap<string, StaffEntry>,
    private readonly granted: SettingsDocument<z.infer<typeof GrantsFile>>,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
    private readonly schools: ReadonlyMap<string, string>,
  ) {}

  /**
   * `schools` are the names the staff file gives; a school it does not name is called by its id's words.
   * Grants are kept in the data folder (`staff.json`), or wherever `where` keeps documents (PostgreSQL, shared by every instance).
   */
  static async open(where: DataFolder | DocumentSource, configured: readonly StaffEntry[], audit: AuditLog, now: () => Date = () => new Date(), schools: readonly SchoolEntry[] = []): Promise<StaffDirectory> {
    const granted = await documentSource(where)('staff', GrantsFile, () => ({ schemaVersion: 1 as const, staff: [] }), GRANTS_VERSIONS);
    return new StaffDirectory(new Map(configured.map((e) => [e.id, e])), granted, audit, now, new Map(schools.map((s) => [s.id, s.name])));
  }

  /** A school as people name it: "Oak Primary School" from the staff file, else "Oak Primary" from "oak-primary". */
  schoolName(schoolId: string): string {
    return this.schools.get(schoolId) ?? schoolName(schoolId);
  }

  /**
   * Everyone by id (grants over the staff file) and each school's SENDCos. Asked on every request
   * and once per due item on every reminder pass, so built once and again only when a role changes.
   */
  #index: { from: unknown; byId: Map<string, StaffEntry>; sendcos: Map<string, string[]> } | undefined;

  #indexed() {
    // Built again whenever the grants change, here or (with PostgreSQL) on another instance.
    if (this.#index?.from === this.granted.data) return this.#index;
    const byId = new Map<string, StaffEntry>([...this.configured, ...this.granted.data.staff.map((g) => [g.id, g] as const)]);
    const sendcos = new Map<string, string[]>();
    for (const e of byId.values()) if (e.role === 'sendco' && e.schoolId) sendcos.set(e.schoolId, [...(sendcos.get(e.schoolId) ?? []), e.id].sort());
    return (this.#index = { from: this.granted.data, byId, sendcos });
  }

  find(id: string): StaffMember | undefined {
    const e = this.#indexed().byId.get(id);
    return e && member(e, this.granted.data.names?.[id]);
  }

  /** Everyone with a role (grants over the staff file), for a picker of the staff the bot knows. */
  list(): StaffMember[] {
    return [...this.#indexed().byId.values()].map((e) => member(e, this.granted.data.names?.[e.id]));
  }

  /**
   * Keeps the name someone's chat gives them when they speak (Teams `from.name`, the name in a
   * Slack event) as how colleagues see them named, where none is set: neither the staff file's
   * `name` nor one kept before, so it is written once, not on every message. Only for someone with
   * a role, as the directory keeps no one else. A name that is blank or over 80 characters is not
   * kept. Returns whether it was written.
   */
  async rememberName(id: string, name: string): Promise<boolean> {
    const e = this.#indexed().byId.get(id);
    const said = ChatName.safeParse(name.replace(/\s+/g, ' '));
    if (!e || e.name || !said.success || this.granted.data.names?.[id] !== undefined) return false;
    await this.granted.update((f) => ({ ...f, names: { ...f.names, [id]: said.data } }));
    return true;
  }

  /** The school's SENDCos, who get every reminder for the school and the weekly digest. */
  sendcosAt(schoolId: string): readonly string[] {
    return this.#indexed().sendcos.get(schoolId) ?? [];
  }

  /**
   * Gives someone a role. Only an admin may, and never to themselves: an admin sees no pupil data,
   * so a self-grant (say, SENDCo at any school) would be a way round that rule. Another admin must
   * make it. Refusals are audited like grants; throws AppError('forbidden').
   */
  async grant(by: StaffMember, entry: { id: string; role: Role; schoolId?: string }): Promise<StaffMember> {
    await this.#allowed(by, 'staff.grant', entry.id);
    if (entry.id === by.id) {
      await this.audit.record({ at: this.now().toISOString(), actorId: by.id, action: 'staff.grant', subjectId: entry.id, outcome: 'denied' });
      throw new AppError('You can’t change your own role: admins see no pupil records, and a role you give yourself would get round that. Ask another admin to make this grant.', 'forbidden');
    }
    const parsed = StaffEntry.safeParse({ ...entry, grantedBy: by.id, grantedAt: this.now().toISOString() });
    if (!parsed.success) throw new AppError(grantProblem(parsed.error.issues[0]?.path[0], entry), 'invalid-input');
    await this.granted.update((f) => ({ ...f, staff: [...f.staff.filter((g) => g.id !== entry.id), parsed.data] }));
    await this.audit.record({ at: this.now().toISOString(), actorId: by.id, action: 'staff.grant', subjectId: entry.id, ...(entry.schoolId ? { schoolId: entry.schoolId } : {}), outcome: 'done' });
    return member(parsed.data, this.granted.data.names?.[entry.id]);
  }

  /** Takes a granted role away; a configured entry stays until the staff file changes. */
  async revoke(by: StaffMember, id: string): Promise<boolean> {
    await this.#allowed(by, 'staff.revoke', id);
    const before = this.granted.data.staff.length;
    // Their chat name goes with their last role: the directory keeps no one without one.
    const keepName = this.configured.has(id);
    await this.granted.update((f) => {
      const { [id]: _gone, ...names } = f.names ?? {};
      return { ...f, staff: f.staff.filter((g) => g.id !== id), ...(f.names && !keepName ? { names } : {}) };
    });
    await this.audit.record({ at: this.now().toISOString(), actorId: by.id, action: 'staff.revoke', subjectId: id, outcome: 'done' });
    return this.granted.data.staff.length < before;
  }

  async #allowed(by: StaffMember, action: string, subjectId: string): Promise<void> {
    if (by.role === 'admin') return;
    await this.audit.record({ at: this.now().toISOString(), actorId: by.id, action, subjectId, outcome: 'denied' });
    throw new AppError('Only an admin can change who has which role.', 'forbidden');
  }

  close(): Promise<void> {
    return this.granted.close();
  }
}

/** Why a grant could not be made, as a sentence with what to type instead. */
function grantProblem(field: PropertyKey | undefined, entry: { id: string; role: Role }): string {
  if (field === 'id') return `“${entry.id}” is not an id I can give a role to. Ids look like teams:<AAD object id> or slack:T012:U034: ask the person to type "whoami" and send you theirs.`;
  if (field === 'schoolId') return `A ${entry.role === 'sendco' ? 'SENDCo' : entry.role} works at a school, so say which: grant ${entry.id} ${entry.role} <school-id>.`;
  return 'That role could not be given. Type: grant <id> <role> [school-id].';
}
