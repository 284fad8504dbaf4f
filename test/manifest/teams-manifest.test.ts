import { recognise } from '../../src/dialogs/intents.js';
import { recogniseStaffCommand } from '../../src/dialogs/staff-commands.js';
import { isLinkLaChannel } from '../../src/app/la-channel-link.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCommandLists } from '../../scripts/teams-package/command-limits.js';
import { readTeamsEnv } from '../../scripts/teams-package/env.js';
import { checkColorIcon, checkOutlineIcon, readPng } from '../../scripts/teams-package/icons.js';
import { REPO_ROOT, TEMPLATE_DIR, TEMPLATE_PATH } from '../../scripts/teams-package/paths.js';
import { findPlaceholders, substitutePlaceholders } from '../../scripts/teams-package/placeholders.js';
import { standInPublisherFields } from '../../scripts/teams-package/publisher-warnings.js';
import { validateManifest } from '../../scripts/teams-package/schema.js';

const SAMPLE = {
  TEAMS_APP_ID: '11111111-2222-3333-4444-555555555555',
  BOT_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  BOT_DOMAIN: 'bot.example.org',
};

type Json = Record<string, unknown> & { bots: { botId?: string; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[] };

const template = (): unknown => JSON.parse(readFileSync(TEMPLATE_PATH, 'utf8'));
const filled = (): Json => substitutePlaceholders(template(), (n) => SAMPLE[n as keyof typeof SAMPLE]).value as Json;

describe('Teams manifest template', () => {
  it('uses only the three documented placeholders', () => {
    expect(findPlaceholders(template()).sort()).toEqual(['BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID']);
  });

  it('validates against the bundled official schema once ids are filled in', async () => {
    const m = filled();
    expect(m.manifestVersion).toBe('1.30');
    expect(findPlaceholders(m)).toEqual([]);
    expect(await validateManifest(m)).toEqual([]);
  });

  it('lets the bot send files in the personal chat (the evidence pack goes through the file consent card)', () => {
    expect((filled().bots[0] as { supportsFiles?: boolean }).supportsFiles).toBe(true);
  });

  it('offers in each scope only commands the bot understands there, and the newer ones in the personal chat', () => {
    const m = filled();
    const lists = m.bots[0]!.commandLists;
    expect(lists.map((l) => l.scopes).flat().sort()).toEqual(['groupChat', 'personal', 'team']);
    const titles = (scope: string) => lists.find((l) => l.scopes.includes(scope))!.commands.map((c) => c.title);
    // Picking a command in Teams sends its title as the message text.
    const understood = (t: string) => recognise(t).kind !== 'unknown' || recogniseStaffCommand(t) !== undefined || isLinkLaChannel(t);
    for (const l of lists) for (const c of l.commands) expect(understood(c.title), c.title).toBe(true);
    expect(titles('personal')).toEqual(expect.arrayContaining(['what next', 'my pupils', 'pupil', 'my reviews', 'review', 'pcp', 'psp', 'update', 'exclusion', 'refer', 'signpost', 'help']));
    // Twelve is the most a list may hold: the rest are named in help's description, and each is understood too.
    const help = lists.find((l) => l.scopes.includes('personal'))!.commands.find((c) => c.title === 'help')!.description;
    for (const more of ['new pupil', 'timeline', 'evidence', 'step', 'share', 'close plan', 'whoami']) {
      expect(help).toContain(more);
      expect(understood(more), more).toBe(true);
    }
    // Where others can see, pupil work is refused, so only what works there is offered.
    expect(titles('groupChat')).toEqual(['help', 'signpost', 'whoami']);
    expect(titles('team')).toEqual(['help', 'signpost', 'whoami', 'link la channel']);
    expect(checkCommandLists(m)).toEqual([]);
  });

  it('flags the stand-in publisher details for replacement', () => {
    expect(standInPublisherFields(filled())).toEqual(['developer.name', 'developer.websiteUrl', 'developer.privacyUrl', 'developer.termsOfUseUrl']);
  });
});

describe('manifest checks can fail', () => {
  it('rejects a bot with no botId', async () => {
    const m = filled();
    delete m.bots[0]!.botId;
    const errors = await validateManifest(m);
    expect(errors.some((e) => e.startsWith('/bots/0 ') && e.includes('botId'))).toBe(true);
  });

  it('rejects ids that are not GUIDs, such as the unfilled template', async () => {
    const errors = await validateManifest(template());
    expect(errors.some((e) => e.startsWith('/id '))).toBe(true);
    expect(errors.some((e) => e.startsWith('/bots/0/botId '))).toBe(true);
  });

  it('rejects a 40-character command title (house rule: schema v1.30 itself allows 128)', async () => {
    const m = filled();
    m.bots[0]!.commandLists[0]!.commands[0]!.title = 'x'.repeat(40);
    expect(await validateManifest(m)).toEqual([]);
    expect(checkCommandLists(m)).toEqual([expect.stringContaining('longer than 32 characters')]);
  });
});

describe('placeholders and settings', () => {
  it('reports placeholders with no value and leaves them in place', () => {
    const r = substitutePlaceholders({ a: ['${{X}}-${{ Y }}'] }, (n) => (n === 'X' ? '1' : undefined));
    expect(r).toEqual({ value: { a: ['1-${{ Y }}'] }, missing: ['Y'] });
  });

  it('takes BOT_ID from MicrosoftAppId and checks formats', () => {
    expect(readTeamsEnv({ TEAMS_APP_ID: SAMPLE.TEAMS_APP_ID, MicrosoftAppId: SAMPLE.BOT_ID, BOT_DOMAIN: SAMPLE.BOT_DOMAIN })).toEqual({ ok: true, value: SAMPLE });
    expect(readTeamsEnv({ ...SAMPLE, BOT_DOMAIN: 'https://bot.example.org/' })).toMatchObject({ ok: false, message: expect.stringMatching(/^BOT_DOMAIN must be a host name/) });
    expect(readTeamsEnv({ ...SAMPLE, TEAMS_APP_ID: 'my-app' })).toMatchObject({ ok: false, message: expect.stringMatching(/^TEAMS_APP_ID must be a GUID/) });
    expect(readTeamsEnv({ ...SAMPLE, TEAMS_APP_ID: ' ' })).toEqual({ ok: false, message: 'Missing TEAMS_APP_ID: set it in .env or the environment.' });
  });
});

describe('icons', () => {
  const color = readFileSync(join(TEMPLATE_DIR, 'color.png'));
  const outline = readFileSync(join(TEMPLATE_DIR, 'outline.png'));

  it('colour icon is 192×192 and opaque', () => {
    const p = readPng(color);
    expect([p.width, p.height]).toEqual([192, 192]);
    expect(p.data.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
    expect(checkColorIcon(color)).toEqual([]);
  });

  it('outline icon is 32×32, white on transparent', () => {
    const p = readPng(outline);
    expect([p.width, p.height]).toEqual([32, 32]);
    const alphas = p.data.filter((_, i) => i % 4 === 3);
    expect(alphas.some((a) => a === 0)).toBe(true);
    expect(alphas.some((a) => a === 255)).toBe(true);
    expect(checkOutlineIcon(outline)).toEqual([]);
  });

  it('rejects a wrongly sized icon and a coloured outline', () => {
    const png = new PNG({ width: 32, height: 32 });
    png.data.fill(0);
    png.data.set([255, 255, 255, 255], 0);
    png.data.set([255, 0, 0, 255], 4);
    const bad = PNG.sync.write(png);
    expect(checkColorIcon(bad)).toEqual(['color.png must be 192×192 pixels (it is 32×32)']);
    expect(checkOutlineIcon(bad)).toEqual(['outline.png must use only white (#FFFFFF) and transparent pixels (found 1 of another colour)']);
  });
});

describe('npm run package:teams', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'teams-pkg-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  // Run from an empty folder so a developer's own .env cannot leak into the test.
  const run = (env: Record<string, string>, out: string) => {
    const base = { ...process.env };
    for (const k of ['TEAMS_APP_ID', 'BOT_ID', 'MicrosoftAppId', 'BOT_DOMAIN']) delete base[k];
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    return spawnSync(process.execPath, ['--import', tsx, join(REPO_ROOT, 'scripts', 'package-teams.ts'), '--out', out], {
      cwd: tmp,
      env: { ...base, ...env },
      encoding: 'utf8',
    });
  };

  it('writes a zip with the ids filled in and the icons at the root', () => {
    const out = join(tmp, 'app.zip');
    const r = run(SAMPLE, out);
    expect(r.stderr).not.toMatch(/package:teams/);
    expect(r.status).toBe(0);
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const text = Buffer.from(files['manifest.json']!).toString('utf8');
    expect(text).not.toContain('${{');
    const m = JSON.parse(text) as Json;
    expect(m.id).toBe(SAMPLE.TEAMS_APP_ID);
    expect(m.bots[0]!.botId).toBe(SAMPLE.BOT_ID);
    expect(m.validDomains).toEqual([SAMPLE.BOT_DOMAIN]);
    expect(Buffer.from(files['color.png']!).equals(readFileSync(join(TEMPLATE_DIR, 'color.png')))).toBe(true);
  });

  it('refuses with one line naming TEAMS_APP_ID when it is missing', () => {
    const out = join(tmp, 'missing.zip');
    const r = run({ BOT_ID: SAMPLE.BOT_ID, BOT_DOMAIN: SAMPLE.BOT_DOMAIN }, out);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^package:teams: Missing TEAMS_APP_ID: /)]);
  });
});
