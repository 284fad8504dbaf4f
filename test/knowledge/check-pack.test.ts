import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolvePackDir } from '../../src/knowledge/load-pack.js';

// Each test here starts the bot or the CLI as a child process (tsx compiles it first): two test
// workers share the CI machine's two cores, so allow a minute rather than the suite's 20 s.
vi.setConfig({ testTimeout: 60_000 });

const run = (arg: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/knowledge/check-pack.ts', arg], { timeout: 30_000 }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }));
  });

describe('npm run knowledge:check', () => {
  it('says a pack is valid and what it holds, and names the file and pattern an LA got wrong', async () => {
    const ok = await run('worcestershire');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Worcestershire County Council \(worcestershire\): valid\.[\s\S]*19 risk and 8 exclusion categories/);

    const dir = await mkdtemp(join(tmpdir(), 'gr-pack-'));
    await cp(resolvePackDir('worcestershire'), dir, { recursive: true });
    const file = join(dir, 'concerns.json');
    const pack = JSON.parse(await readFile(file, 'utf8')) as { concerns: { risk: { signs: string[] }[] } };
    pack.concerns.risk[0]!.signs.push('@nosuchlist .. hits');
    await writeFile(file, JSON.stringify(pack));
    const bad = await run(dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^Knowledge pack .*: concerns\.json → concerns\.risk\.0\.signs\.\d+: "@nosuchlist \.\. hits" uses @nosuchlist, which is not one of the word lists$/);
  }, 60_000);
});
