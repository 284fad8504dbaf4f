import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SchoolCalendar } from '../../src/core/calendar/school-calendar.js';
import { addDays, londonToday } from '../../src/core/dates.js';
import { ukDate } from '../../src/core/text/uk-date.js';
import { pdfText } from '../helpers/pdf-text.js';

// Each test here starts the bot or the CLI as a child process (tsx compiles it first): two test
// workers share the CI machine's two cores, so allow a minute rather than the suite's 20 s.
vi.setConfig({ testTimeout: 60_000 });

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function dataDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'chat-'));
  temps.push(d);
  return d;
}

/** Runs `npm run chat` exactly as a user would, with lines piped to stdin. */
function chat(lines: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/chat/main.ts'], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 30_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(lines.map((l) => `${l}\n`).join(''));
  });
}

describe('npm run chat', () => {
  it('answers piped input and exits by itself at the end of input', async () => {
    const r = await chat(['signpost attendance really poor'], { DATA_DIR: await dataDir() });
    expect(r.code).toBe(0);
    const ranked = r.stdout.split('\n').filter((l) => /^\d+\. /.test(l));
    // Services in rank order, one per line, name first.
    expect(ranked[0]).toMatch(/^1\. Attendance and Children Missing Team \| tel 01905 844 440/);
    expect(ranked.map((l) => Number(l.split('.')[0]))).toEqual(ranked.map((_, i) => i + 1));
  });

  it('leads with the DSL notice for a worry typed in plain words, and keeps ordinary words ordinary', async () => {
    const r = await chat(['a pupil told me her dad hits her', 'signpost knife skills in food tech', 'told dad not to bring him in tomorrow while things calm down'], { DATA_DIR: await dataDir() });
    const [worry, ordinary, informal] = r.stdout.split(/^> /m).slice(1);
    expect(worry).toMatch(/^a pupil told me.*\n!!! Possible risk of harm: tell the DSL now/s);
    expect(worry).toContain('“dad hits her”');
    expect(worry).not.toMatch(/didn.t understand/);
    expect(ordinary).not.toMatch(/tell the DSL now/);
    expect(informal).toMatch(/Check the reason is lawful/);
  });

  it('remembers pupils between runs, in the data directory', async () => {
    const dir = await dataDir();
    await chat(['new pupil', 'P77', 'CD', '9', '2', 'no', '1', '3', 'yes'], { DATA_DIR: dir });
    const r = await chat(['what next for P77', 'yes', 'no', ''], { DATA_DIR: dir });
    expect(r.stdout).toContain('What next for CD (ref P77, Year 9)');
    expect(r.stdout).toContain('Virtual School');
    const file = await readFile(path.join(dir, 'schools', 'demo-school.json'), 'utf8');
    expect(file).toContain('"initials":"CD"');
  });

  it('answers whoami, and refuses a grant from someone who is not an admin', async () => {
    const r = await chat(['whoami', 'grant teams:abc sendco oak-primary'], { DATA_DIR: await dataDir() });
    // The start banner says who you are in words (issue 12); only "whoami" shows the id.
    const banner = r.stdout.split('\n')[0]!;
    expect(banner).toContain('Local mode: you are a SENDCo at Demo School.');
    expect(banner).not.toContain('local-sendco');
    expect(r.stdout).toContain('Your id: local-sendco');
    expect(r.stdout).toContain('You are set up as SENDCo at Demo School.');
    expect(r.stdout).toContain('Only an admin can change who has which role.');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses an admin\'s "new pupil" before any question, and answers "whoami" mid-form with the question after it', async () => {
    const admin = await chat(['new pupil', 'help'], { DATA_DIR: await dataDir(), LOCAL_USER_ROLE: 'admin', LOCAL_USER_ID: 'local-admin' });
    const [refused, help] = admin.stdout.split(/^> /m).slice(1);
    expect(refused).toContain('you can’t add pupils');
    expect(refused).not.toMatch(/^\? /m);
    expect(help).toContain('What I can help with');
    const r = await chat(['psp', 'whoami', 'grant extra time'], { DATA_DIR: await dataDir() });
    const [, whoami, answer] = r.stdout.split(/^> /m).slice(1);
    expect(whoami).toMatch(/Your id: local-sendco[\s\S]*Still on “Pastoral Support Programme”[\s\S]*\? Which pupil\?/);
    expect(answer).toContain('A pupil reference is letters, digits and dashes');
    expect(answer).not.toContain('is not a role');
  });

  it('keeps a form left half-done ("quit" or the end of input) as a draft, offers it at the next start, and "carry on" picks it up', async () => {
    const dir = await dataDir();
    const strengths = 'Loves drawing and football; talks best walking side by side';
    const first = await chat(['new pupil', 'P77', 'CD', '9', '2', 'no', '1', '3', 'yes', 'pcp for P77', 'today', 'Class teacher; SENDCo', strengths, 'quit'], { DATA_DIR: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Your unfinished PCP for P77 is kept as a draft until \w{3} \d{1,2} \w{3,4} \d\d:\d\d\. Next time you start the chat, type "carry on" to continue it\.\nGoodbye\./);
    const second = await chat(['carry on'], { DATA_DIR: dir });
    expect(second.stdout).toMatch(/You left a PCP for P77 unfinished \(\w{3} \d{1,2} \w{3,4} \d\d:\d\d\)\. Type "carry on" to continue or "discard"\./);
    const [resumed] = second.stdout.split(/^> /m).slice(1);
    expect(resumed).toMatch(/Carrying on with your PCP for P77[\s\S]*\? What are the behaviours causing concern/);
    // The input ended with the form open: kept again, and said so.
    expect(second.stdout.trimEnd()).toMatch(/Your unfinished PCP for P77 is kept as a draft until .*type "carry on" to continue it\.$/);
    expect(second.stderr).toBe('');
    expect(await readFile(path.join(dir, 'drafts.json'), 'utf8')).toContain(strengths);
  });

  it('never shows a stack trace for nonsense, and offers the menu after two misunderstandings', async () => {
    const r = await chat(['%%%', '{"type":"message"}', '', 'quit'], { DATA_DIR: await dataDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sorry, I still didn’t follow');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops with one clear line when a setting is wrong', async () => {
    const r = await chat([], { DATA_DIR: await dataDir(), PSP_REVIEW_INTERVAL_DAYS: '40' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^Setting PSP_REVIEW_INTERVAL_DAYS is not valid: .+See \.env\.example\.$/);
  });

  it('refuses to start on a hand-edited store file, naming it, and leaves the file untouched', async () => {
    const dir = await dataDir();
    await mkdir(path.join(dir, 'schools'), { recursive: true });
    const broken = '{"schemaVersion":1,"schoolId":"demo-school","cases":[{"id":"x"}]}';
    await writeFile(path.join(dir, 'schools', 'demo-school.json'), broken);
    const r = await chat(['help'], { DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('demo-school.json');
    // What can truly be done: the bot keeps no backup of its own to restore (issue 11, tester item 7).
    expect(r.stderr).toContain('To start, correct that field in a text editor (the file is as it was). The bot keeps no other copy of this file to go back to.');
    expect(r.stderr).not.toMatch(/restore/i);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(path.join(dir, 'schools', 'demo-school.json'), 'utf8')).toBe(broken);
  });
});

describe('a hand-added field in a store file', () => {
  it('is refused by name rather than silently dropped on the next save', async () => {
    const dir = await dataDir();
    await chat(['new pupil', 'P1', 'EF', '3', '1', 'no', '1', '', 'no'], { DATA_DIR: dir });
    const file = path.join(dir, 'schools', 'demo-school.json');
    const edited = (await readFile(file, 'utf8')).replace('"initials":"EF"', '"initials":"EF","fullName":"x"');
    await writeFile(file, edited);
    const r = await chat(['help'], { DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/demo-school\.json: cases\.0.*fullName/);
    expect(await readFile(file, 'utf8')).toBe(edited);
  });
});

describe('npm run chat: the evidence pack', () => {
  it('saves it as a PDF under the data folder, readable by its owner only, and prints the path', async () => {
    const dir = await dataDir();
    const r = await chat(['new pupil', 'P77', 'CD', '9', '2', 'no', '1', '3', 'yes', 'evidence P77'], { DATA_DIR: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('== Evidence pack: CD (ref P77, Year 9) ==');
    const saved = r.stdout.match(/Saved as a PDF \((\d+) pages?, \d+ KB\): (.+\.pdf)$/m);
    expect(saved?.[2]).toBe(path.join(dir, 'exports', `evidence-pack-P77-${londonToday(new Date())}.pdf`));
    expect((await stat(saved![2]!)).mode & 0o777).toBe(0o600);
    const text = (await pdfText(await readFile(saved![2]!))).all.replace(/\s+/g, ' ');
    expect(text).toContain('Pupil ref P77 (CD), Year 9');
    expect(text).toContain(`Page 1 of ${saved![1]}`);
    expect(text).toContain('Produced by SENDCo, Demo School');
  });
});

describe('npm run chat: a suspension said in words (issue 11, tester items 4 and 5)', () => {
  it('"P77 suspended for 2 days from <a date as the bot shows dates>" asks only the reason, checks, and saves that day', async () => {
    const dir = await dataDir();
    // A school day a few days ahead, typed back as the bot writes dates ("Mon 23 Nov 2026").
    const day = new SchoolCalendar().nextSchoolDay(addDays(londonToday(new Date()), 2));
    const r = await chat(['new pupil', 'P77', 'CD', '9', '2', 'no', '1', '3', 'yes', `P77 suspended for 2 days from ${ukDate(day)}`, 'Threw a chair at a member of staff', 'yes'], { DATA_DIR: dir });
    const [asked, confirm, saved] = r.stdout.split(/^> /m).slice(-3);
    expect(asked).toMatch(/^\? The reason, briefly \(no names\)\./m);
    expect(asked).not.toContain('Please type a date like');
    expect(confirm).toContain('Record this 2-day suspension, having read the above?');
    expect(saved).toContain('2-day suspension recorded for CD (ref P77, Year 9)');
    const file = JSON.parse(await readFile(path.join(dir, 'schools', 'demo-school.json'), 'utf8')) as { cases: { exclusions: { startDate: string; days: number }[] }[] };
    expect(file.cases[0]!.exclusions).toMatchObject([{ startDate: day, days: 2 }]);
  });
});

describe('npm run chat: a broken drafts file (issue 11, tester item 6)', () => {
  it('does not stop the chat: the file is set aside as it was, the log names it (not what is in it), and the person whose draft it held is told', async () => {
    const dir = await dataDir();
    const broken = '{"schemaVersion":1,"drafts":{"local-sendco":{"dialogId":"pcp","answers":{"pcp.whoIsThisPupil":"Loves drawing"},"history":[],"savedAt":"2026-11-30T17:20:00.000Z"},}}';
    await writeFile(path.join(dir, 'drafts.json'), broken, { mode: 0o600 });
    const r = await chat(['help'], { DATA_DIR: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('You left an unfinished form, but the file it was kept in could not be read, so it cannot be offered back.');
    expect(r.stdout).toContain('What I can help with');
    const [aside] = (await readdir(dir)).filter((n) => n.startsWith('drafts.json.broken-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(dir, aside!), 'utf8')).toBe(broken);
    expect(r.stderr).toContain(`${path.join(dir, 'drafts.json')} could not be read (not valid JSON)`);
    expect(r.stderr).toContain(aside);
    expect(r.stdout + r.stderr).not.toContain('Loves drawing');
  });
});
