import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPack, resolvePackDir } from '../../src/knowledge/load-pack.js';
import { itemMatches } from '../../src/knowledge/schema/templates.js';

// Each test here starts the bot or the CLI as a child process (tsx compiles it first): two test
// workers share the CI machine's two cores, so allow a minute rather than the suite's 20 s.
vi.setConfig({ testTimeout: 60_000 });

/**
 * Appendix 2 of seed 000 (the Inclusion Self-Reflection Tool) as the pack holds it: every area and
 * item of the tool, in order, with its RAG scale, and suggestions that name only what the pack has.
 */

/** The tool's items by heading, as seed 000 Appendix 2 numbers them (it has no 1.4). */
const SEED_ITEMS: Record<string, string[]> = {
  'environment-culture-and-ethos': ['1.1a', '1.1b', '1.1c', '1.2a', '1.2b', '1.3a', '1.3b', '1.5a', '1.6a', '1.7a'],
  leadership: ['2.1a', '2.1b', '2.1c', '2.2a', '2.3a', '2.3b', '2.3c', '2.3d', '2.4a', '2.4b', '2.4c'],
  'personal-development-well-being-and-welfare': ['3.1a', '3.1b', '3.1c', '3.1d', '3.2a', '3.2b', '3.2c', '3.2d', '3.2e', '3.3a', '3.3b', '3.4a', '3.5a', '3.5b', '3.6a', '3.6b', '3.6c', '3.6d'],
  'quality-of-education': ['4.1a', '4.1b', '4.1c', '4.1d', '4.2a', '4.3a', '4.3b', '4.3c', '4.4a', '4.4b', '4.4c', '4.5a', '4.6a'],
};

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('the Inclusion Self-Reflection Tool in the Worcestershire pack', () => {
  it('holds the four areas and all 52 items of Appendix 2, in the seed’s order, with the RAG scale 1 to 4', async () => {
    const tool = (await loadPack('worcestershire')).selfReflection!;
    expect(tool.areas.map((a) => a.title)).toEqual(['The Environment, Culture and Ethos', 'Leadership', 'Personal Development, Well-being and Welfare', 'Quality of Education']);
    expect(Object.fromEntries(tool.areas.map((a) => [a.id, a.items.map((i) => i.id)]))).toEqual(SEED_ITEMS);
    expect(tool.rag.map((r) => [r.score, r.label])).toEqual([
      [1, 'Not Yet Developed'],
      [2, 'Developing'],
      [3, 'Established'],
      [4, 'Enhanced'],
    ]);
    expect(tool.source).toEqual({ seed: '000', section: 'Appendix 2 – Inclusion Self-reflection tool' });
  });

  it('suggests something for every area, each citing seed 000, and the links the tool gives for behaviour, attendance and PSHE', async () => {
    const pack = await loadPack('worcestershire');
    for (const area of pack.selfReflection!.areas) {
      expect(area.suggestions.length, area.id).toBeGreaterThanOrEqual(4);
      for (const s of area.suggestions) expect(s.source.seed).toBe('000');
    }
    const links = pack.selfReflection!.areas.flatMap((a) => a.suggestions.flatMap((s) => (s.kind === 'link' ? [s.url] : [])));
    expect(links).toEqual(
      expect.arrayContaining([
        'https://www.gov.uk/government/publications/behaviour-in-schools--2',
        'https://www.gov.uk/government/publications/working-together-to-improve-school-attendance',
        'https://www.gov.uk/government/publications/personal-social-health-and-economic-education-pshe',
      ]),
    );
  });

  it('is counted by npm run knowledge:check, so an LA sees its edits were read', async () => {
    const out = await new Promise<string>((resolve) => execFile(process.execPath, ['--import', 'tsx', 'src/knowledge/check-pack.ts', 'worcestershire'], { timeout: 30_000 }, (_e, stdout) => resolve(stdout)));
    expect(out).toContain('self-reflection tool: 4 areas, 52 items, 26 suggestions');
  });

  it('reads a heading as the items under it', () => {
    expect(['2.3a', '2.3d', '2.30a', '2.4a', '12.3a'].map((id) => itemMatches(id, '2.3'))).toEqual([true, true, false, false, false]);
    expect(itemMatches('2.3b', '2.3b')).toBe(true);
  });
});

describe('a broken self-reflection tool stops start-up and says where', () => {
  async function broken(change: (tool: { areas: Record<string, unknown>[]; rag: { score: number }[] }) => void): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'pack-'));
    temps.push(dir);
    await cp(resolvePackDir('worcestershire'), dir, { recursive: true });
    const file = path.join(dir, 'self-reflection.json');
    const data = JSON.parse(await readFile(file, 'utf8'));
    change(data.selfReflection);
    await writeFile(file, JSON.stringify(data));
    return loadPack(dir).then(
      () => 'loaded',
      (err: Error) => err.message,
    );
  }

  it('names a service that is not in the pack', async () => {
    const message = await broken((t) => ((t.areas[1]!.suggestions as { serviceId?: string }[]).find((s) => s.serviceId)!.serviceId = 'no-such-team'));
    expect(message).toMatch(/self-reflection\.json → selfReflection\.areas\.1\.suggestions\.\d+\.serviceId: service "no-such-team" is not in this pack/);
  });

  it('names an item a suggestion points at that the area does not have, and an item listed twice', async () => {
    expect(await broken((t) => ((t.areas[0]!.suggestions as { items: string[] }[])[0]!.items = ['2.3']))).toMatch(/"2\.3" names no item of the area "environment-culture-and-ethos"/);
    expect(await broken((t) => (t.areas[1]!.items as { id: string }[]).push({ id: '1.1a', text: 'The same item again' } as never))).toMatch(/item "1\.1a" is listed twice/);
  });

  it('refuses a RAG scale out of order', async () => {
    expect(
      await broken((t) => {
        t.rag[0]!.score = 2;
        t.rag[1]!.score = 1;
      }),
    ).toMatch(/the RAG scale is listed 1 to 4 in order/);
  });
});
