import { describe, expect, it } from 'vitest';
import { SelfReflectionService } from '../../../src/core/self-reflection/self-reflection-service.js';
import type { StaffMember } from '../../../src/core/staff.js';
import { MemoryAuditLog } from '../../../src/core/store/audit-log.js';
import { MemorySelfReflectionStore } from '../../../src/core/store/self-reflection-store.js';
import type { SelfReflectionTool } from '../../../src/knowledge/schema/templates.js';
import { worcestershire } from '../../helpers/pack.js';

const SENDCO: StaffMember = { id: 'teams:sendco', role: 'sendco', schoolId: 'oak-primary' };
const HEAD: StaffMember = { id: 'teams:head', role: 'admin', schoolId: 'oak-primary' };
const TEACHER: StaffMember = { id: 'teams:teacher', role: 'teacher', schoolId: 'oak-primary' };
const LA: StaffMember = { id: 'teams:la', role: 'la-officer' };
const ELM: StaffMember = { id: 'slack:T1:U1', role: 'sendco', schoolId: 'elm-high' };

async function world() {
  const tool = (await worcestershire()).selfReflection!;
  const store = new MemorySelfReflectionStore();
  const audit = new MemoryAuditLog();
  let now = new Date('2026-11-20T10:00:00Z');
  const service = new SelfReflectionService(store, audit, () => now);
  return { tool, store, audit, service, setNow: (iso: string) => (now = new Date(iso)) };
}

const all = (tool: SelfReflectionTool, areaId: string, score: number) => Object.fromEntries(tool.areas.find((a) => a.id === areaId)!.items.map((i) => [i.id, score]));

async function rateEverything(w: Awaited<ReturnType<typeof world>>, who: StaffMember, score: number, note?: string) {
  for (const a of w.tool.areas) await w.service.saveArea(who, w.tool, a.id, all(w.tool, a.id, score), note);
}

describe('the self-reflection service', () => {
  it('saves each area into one reflection under way, by whoever rates it, and completes it dated today with the sharing answer', async () => {
    const w = await world();
    await w.service.saveArea(SENDCO, w.tool, 'leadership', all(w.tool, 'leadership', 2), 'SLT wrote the plan alone');
    const mid = (await w.store.get('oak-primary'))!;
    expect(Object.keys(mid.inProgress!.areas)).toEqual(['leadership']);
    expect(mid.inProgress!.areas.leadership).toMatchObject({ note: 'SLT wrote the plan alone', by: SENDCO.id });

    // The head finishes it: the areas keep who rated each.
    for (const a of w.tool.areas.filter((x) => x.id !== 'leadership')) await w.service.saveArea(HEAD, w.tool, a.id, all(w.tool, a.id, 3), undefined);
    w.setNow('2026-11-23T16:30:00Z');
    const { record, completed } = await w.service.complete(HEAD, w.tool, true);
    expect(record.inProgress).toBeUndefined();
    expect(completed).toMatchObject({ completedOn: '2026-11-23', completedBy: HEAD.id, startedBy: SENDCO.id });
    expect(completed.areas.leadership!.by).toBe(SENDCO.id);
    expect(record.sharing).toMatchObject({ share: true, by: HEAD.id });

    // Every save audited by ids only: no rating, note or area in the log.
    const events = await w.audit.list();
    expect(events.map((e) => [e.action, e.actorId, e.schoolId, e.outcome])).toEqual([
      ['self-reflection.area', SENDCO.id, 'oak-primary', 'done'],
      ['self-reflection.area', HEAD.id, 'oak-primary', 'done'],
      ['self-reflection.area', HEAD.id, 'oak-primary', 'done'],
      ['self-reflection.area', HEAD.id, 'oak-primary', 'done'],
      ['self-reflection.complete', HEAD.id, 'oak-primary', 'done'],
      ['self-reflection.share', HEAD.id, 'oak-primary', 'done'],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/SLT wrote|leadership|"2"/);
  });

  it('will not complete with an area left, naming it, nor save an area with an item unrated', async () => {
    const w = await world();
    await w.service.saveArea(SENDCO, w.tool, 'leadership', all(w.tool, 'leadership', 2), undefined);
    await expect(w.service.complete(SENDCO, w.tool, false)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('The Environment, Culture and Ethos; Personal Development') });
    const partial = all(w.tool, 'quality-of-education', 3);
    delete partial['4.6a'];
    await expect(w.service.saveArea(SENDCO, w.tool, 'quality-of-education', partial, undefined)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('4.6a has none') });
    await expect(w.service.saveArea(SENDCO, w.tool, 'quality-of-education', { ...partial, '4.6a': 5 }, undefined)).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('refuses a teacher and an LA officer, and audits the refusal', async () => {
    const w = await world();
    await expect(w.service.saveArea(TEACHER, w.tool, 'leadership', all(w.tool, 'leadership', 2), undefined)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(w.service.forSchool(LA)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await w.audit.list()).map((e) => [e.action, e.actorId, e.outcome])).toEqual([
      ['self-reflection.area', TEACHER.id, 'denied'],
      ['self-reflection.read', LA.id, 'denied'],
    ]);
    expect(await w.store.list()).toEqual([]);
  });

  it('a second leader rating the same area: their answers stand and the colleague’s are kept, note and all (issue 13 B.6)', async () => {
    const w = await world();
    await w.service.saveArea(SENDCO, w.tool, 'leadership', all(w.tool, 'leadership', 2), 'SLT wrote the plan alone');
    w.setNow('2026-11-20T11:30:00Z');
    const saved = await w.service.saveArea(HEAD, w.tool, 'leadership', all(w.tool, 'leadership', 4), 'Governors now review it termly');
    const area = saved.inProgress!.areas.leadership!;
    expect(area).toMatchObject({ by: HEAD.id, note: 'Governors now review it termly', at: '2026-11-20T11:30:00.000Z' });
    expect(area.earlier).toEqual([{ ratings: all(w.tool, 'leadership', 2), note: 'SLT wrote the plan alone', by: SENDCO.id, at: '2026-11-20T10:00:00.000Z', replacedAt: '2026-11-20T11:30:00.000Z' }]);
    // The same person saving again changes their own answers and keeps the colleague’s.
    w.setNow('2026-11-20T12:00:00Z');
    const again = await w.service.saveArea(HEAD, w.tool, 'leadership', all(w.tool, 'leadership', 3), undefined);
    expect(again.inProgress!.areas.leadership!.earlier).toHaveLength(1);
    expect(again.inProgress!.areas.leadership!.earlier![0]!.note).toBe('SLT wrote the plan alone');
    // And it survives the store's schema (a reload would refuse a shape it does not know).
    expect((await w.store.get('oak-primary'))!.inProgress!.areas.leadership!.earlier![0]!.by).toBe(SENDCO.id);
  });

  it('two areas saved at once by two people both land', async () => {
    const w = await world();
    await Promise.all([w.service.saveArea(SENDCO, w.tool, 'leadership', all(w.tool, 'leadership', 2), undefined), w.service.saveArea(HEAD, w.tool, 'quality-of-education', all(w.tool, 'quality-of-education', 3), undefined)]);
    expect(Object.keys((await w.store.get('oak-primary'))!.inProgress!.areas).sort()).toEqual(['leadership', 'quality-of-education']);
  });

  it('shows an LA officer only the area ratings of schools that share, with the ones before, and audits each school shown', async () => {
    const w = await world();
    await rateEverything(w, SENDCO, 2, 'Private thoughts on staffing');
    await w.service.complete(SENDCO, w.tool, true);
    await rateEverything(w, SENDCO, 3, 'More private thoughts');
    w.setNow('2027-01-12T09:00:00Z');
    await w.service.complete(SENDCO, w.tool, true);
    // Elm High completes one but does not share.
    await rateEverything(w, ELM, 1);
    await w.service.complete(ELM, w.tool, false);

    const seen = await w.service.shared(LA, w.tool);
    expect(seen).toEqual([
      {
        schoolId: 'oak-primary',
        completedOn: '2027-01-12',
        ratings: { 'environment-culture-and-ethos': 3, leadership: 3, 'personal-development-well-being-and-welfare': 3, 'quality-of-education': 3 },
        previous: { completedOn: '2026-11-20', ratings: { 'environment-culture-and-ethos': 2, leadership: 2, 'personal-development-well-being-and-welfare': 2, 'quality-of-education': 2 } },
      },
    ]);
    expect(JSON.stringify(seen)).not.toContain('Private');
    expect((await w.audit.list({ actorId: LA.id })).map((e) => [e.action, e.schoolId, e.outcome])).toEqual([['self-reflection.disclosed', 'oak-primary', 'allowed']]);

    // Oak stops sharing: the LA sees nothing of it from then on.
    await w.service.setSharing(SENDCO, false);
    expect(await w.service.shared(LA, w.tool)).toEqual([]);
    await expect(w.service.shared(SENDCO, w.tool)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
