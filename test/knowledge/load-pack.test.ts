import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPack, resolvePackDir } from '../../src/knowledge/load-pack.js';

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A writable copy of a built-in pack, to break on purpose. */
async function copyOf(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pack-'));
  temps.push(dir);
  await cp(resolvePackDir(name), dir, { recursive: true });
  return dir;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reaches into arbitrary pack JSON to break it
async function edit(file: string, change: (data: any) => void) {
  const data = JSON.parse(await readFile(file, 'utf8'));
  change(data);
  await writeFile(file, JSON.stringify(data));
}

describe('the Worcestershire pack', () => {
  it('holds the six steps and the numbered actions 1 to 17b', async () => {
    const pack = await loadPack('worcestershire');
    expect(pack.pathway!.steps.map((s) => s.tier)).toEqual(['universal', 'targeted', 'targeted', 'targeted', 'specialist', 'specialist']);
    const ids = pack.pathway!.actions.map((a) => a.id);
    for (const id of ['1', '5', '7', '8', '12', '13', '14', '15', '16', '17a', '17b']) expect(ids).toContain(id);
    expect(pack.pathway!.actions.find((a) => a.id === '1')!.tools.join(' ')).toMatch(/SDQ|Strengths/);
  });

  it('carries the facts from the seeds: PSP triggers and reviews, 45 days, day 6, EHC 6 and 20 weeks, termly PEPs', async () => {
    const r = (await loadPack('worcestershire')).rules!;
    expect(r.psp.triggers).toEqual({ suspensionsThisYear: 2, singleSuspensionDays: 10 });
    expect(r.psp.reviewIntervalDays).toEqual({ min: 21, max: 28, default: 21 });
    expect(r.psp.escalateAfterReviewsWithoutImpact).toBe(2);
    expect(r.suspensions.maxDaysPerYear).toBe(45);
    expect(r.permanentExclusion.provisionFromDay).toBe(6);
    expect([r.ehcAssessment.decisionWeeks, r.ehcAssessment.completionWeeks]).toEqual([6, 20]);
    expect(r.lookedAfter.pepsPerYear).toBe(3);
  });

  it('has the directory services staff ask for, with contacts from Appendix 1', async () => {
    const pack = await loadPack('worcestershire');
    const byId = new Map(pack.services.map((s) => [s.id, s]));
    for (const id of ['early-help-virtual-family-hub', 'education-engagement-inclusion-team', 'managed-moves', 'fair-access-protocol', 'lado', 'ofsted-unregistered-provision', 'virtual-school', 'family-front-door'])
      expect(byId.has(id), id).toBe(true);
    expect(byId.get('attendance-and-children-missing')!.contacts).toContainEqual(expect.objectContaining({ kind: 'phone', value: '01905 844 440' }));
    expect(pack.apProviders.length).toBeGreaterThan(10);
    expect(pack.forms.map((f) => f.id)).toEqual(expect.arrayContaining(['pcp', 'incident-support-plan', 'psp', 'referral']));
    expect(pack.selfReflection!.rag.map((r) => r.score)).toEqual([1, 2, 3, 4]);
  });

  it('never asks for a pupil’s full name or date of birth in its forms', async () => {
    const pack = await loadPack('worcestershire');
    const labels = pack.forms.flatMap((f) => f.fields.map((x) => `${x.id} ${x.label}`.toLowerCase()));
    expect(labels.filter((l) => /date of birth|\bdob\b|pupil'?s name|full name|surname/.test(l))).toEqual([]);
  });
});

describe('another local authority’s pack', () => {
  it('loads Hackney’s smaller pack through the same schema', async () => {
    const pack = await loadPack('hackney');
    expect(pack.localAuthority).toContain('Hackney');
    expect(pack.services.length).toBeGreaterThan(10);
    expect(pack.pathway).toBeUndefined();
  });

  it('loads a pack from a folder path', async () => {
    const dir = await copyOf('hackney');
    expect((await loadPack(dir)).id).toBe('hackney');
  });
});

describe('a broken pack stops start-up and says where', () => {
  it('names the file and the path of a bad field', async () => {
    const dir = await copyOf('worcestershire');
    await edit(path.join(dir, 'services.json'), (d) => (d.services[2].contacts = [{ kind: 'email', value: 'not-an-email' }]));
    await expect(loadPack(dir)).rejects.toThrow(/services\.json → services\.2\.contacts\.0\.value/);
  });

  it('refuses to start without a warning\'s first-screen brief, or with one over 30 words, naming the rule', async () => {
    const dir = await copyOf('worcestershire');
    await edit(path.join(dir, 'rules.json'), (d) => delete d.rules.lookedAfter.beforeSuspension.brief);
    await expect(loadPack(dir)).rejects.toThrow(/rules\.json[\s\S]*lookedAfter\.beforeSuspension\.brief/);
    await edit(path.join(dir, 'rules.json'), (d) => (d.rules.lookedAfter.beforeSuspension.brief = 'The designated teacher contacts the Virtual School '.repeat(5)));
    await expect(loadPack(dir)).rejects.toThrow(/at most 30 words/);
  });

  it('gives every safeguarding notice and legal warning a brief of at most 30 words', async () => {
    const r = (await loadPack('worcestershire')).rules!;
    const briefs = [r.safeguarding.advice, r.unlawfulExclusion.advice, r.lookedAfter.beforeSuspension, r.beforeExclusion.ehcp, r.permanentExclusion.advice, r.suspensions.advice, r.partTimeTimetable].map((a) => a.brief);
    for (const b of briefs) expect(b!.split(/\s+/).length).toBeLessThanOrEqual(30);
  });

  it('names a need a service uses that the vocabulary lacks', async () => {
    const dir = await copyOf('worcestershire');
    await edit(path.join(dir, 'services.json'), (d) => d.services[0].needs.push('astrology'));
    await expect(loadPack(dir)).rejects.toThrow(/services\.0\.needs\.\d+: need "astrology" is not in vocabulary\.needs/);
  });

  it('refuses rules that point at a service the pack does not have', async () => {
    const dir = await copyOf('worcestershire');
    await edit(path.join(dir, 'rules.json'), (d) => (d.rules.psp.escalation.serviceIds = ['no-such-service']));
    await expect(loadPack(dir)).rejects.toThrow(/rules\.json → rules\.psp\.escalation\.serviceIds\.0: service "no-such-service"/);
  });

  it('refuses a form date rule that names no date of its form, or sits on a field that is not a date', async () => {
    const dir = await copyOf('worcestershire');
    await edit(path.join(dir, 'forms.json'), (d) => (d.forms.find((f: { id: string }) => f.id === 'psp').fields.find((f: { id: string }) => f.id === 'endDate').dateRule.after = 'startedOn'));
    await expect(loadPack(dir)).rejects.toThrow(/forms\.json → forms\.2\.fields\.\d+\.dateRule\.after: "startedOn" is not another date field of the form "psp"/);
    await edit(path.join(dir, 'forms.json'), (d) => {
      const fields = d.forms.find((f: { id: string }) => f.id === 'psp').fields;
      fields.find((f: { id: string }) => f.id === 'endDate').dateRule.after = 'startDate';
      fields.find((f: { id: string }) => f.id === 'pupilViews').dateRule = { schoolDay: true };
    });
    await expect(loadPack(dir)).rejects.toThrow(/dateRule: a dateRule belongs on a date field; "pupilViews" is longtext/);
  });

  it('reports invalid JSON with the file name', async () => {
    const dir = await copyOf('hackney');
    await writeFile(path.join(dir, 'services.json'), '{ "services": [ oops');
    await expect(loadPack(dir)).rejects.toThrow(/services\.json is not valid JSON/);
  });

  it('refuses two files that define the same key', async () => {
    const dir = await copyOf('hackney');
    await writeFile(path.join(dir, 'more.json'), JSON.stringify({ services: [] }));
    await expect(loadPack(dir)).rejects.toThrow(/"services" is defined in both more\.json and services\.json/);
  });

  it('says when the pack folder does not exist', async () => {
    await expect(loadPack('no-such-pack')).rejects.toThrow(/was not found/);
  });
});
