// @slack/bolt first, as src/main.ts loads it when Slack is configured: it brings the `undici`
// package, whose global dispatcher Node's built-in fetch then goes through.
import '@slack/bolt';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_INFO_CARD } from '../../../src/channels/teams/file-consent.js';
import { pdfText } from '../../helpers/pdf-text.js';
import { threeYearRecord } from '../../helpers/three-year-record.js';
import { AAD, teamsHarness, type TeamsHarness } from './harness.js';

interface Upload {
  method: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A real HTTP server standing in for the OneDrive upload session URL: records each PUT, answers 201 like Graph. */
async function startUploadTarget() {
  const uploads: Upload[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      uploads.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"id":"drive-item-1"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload/session-1`, uploads, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const SENDCO = `teams:${AAD.sendco}`;
type Json = Record<string, unknown>;
const attachmentsOf = (body: Json) => (body.attachments as { contentType: string }[] | undefined) ?? [];

describe('the evidence PDF reaches OneDrive when Slack runs in the same process (issue 13 B.1)', () => {
  let h: TeamsHarness;
  let target: Awaited<ReturnType<typeof startUploadTarget>>;

  beforeAll(async () => {
    h = await teamsHarness({ localMode: false });
    target = await startUploadTarget();
    await h.core.repo.save(threeYearRecord({ sendco: SENDCO }), undefined);
  });
  afterAll(async () => {
    await h.close();
    await target.close();
  });

  it('the process really has undici’s dispatcher installed, the condition that broke fetch', () => {
    expect(Object.getOwnPropertySymbols(globalThis).map(String)).toContain('Symbol(undici.globalDispatcher.2)');
  });

  it('accepting the consent card PUTs the exact PDF bytes once, with Content-Length and Content-Range, and says it is saved', async () => {
    const before = h.connector.calls.length;
    const res = await h.post(
      h.activity(AAD.sendco, {
        type: 'invoke',
        name: 'fileConsent/invoke',
        value: {
          type: 'fileUpload',
          action: 'accept',
          context: { command: 'evidence 4021' },
          uploadInfo: { name: 'evidence-pack-4021-2026-11-20.pdf', uploadUrl: target.url, contentUrl: 'https://contoso.sharepoint.com/personal/sendco/Documents/evidence-pack-4021-2026-11-20.pdf', uniqueId: 'A1B2C3', fileType: 'pdf' },
        },
      }),
    );
    expect(res.status).toBe(200);
    const shown = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && (attachmentsOf(c.body).some((a) => a.contentType === FILE_INFO_CARD) || String(c.body.text ?? '').length > 0 || JSON.stringify(c.body).includes('could not be saved')));
    expect(JSON.stringify(shown.body)).not.toContain('could not be saved');
    expect(shown.body.text).toContain('Saved to your OneDrive');

    expect(target.uploads).toHaveLength(1);
    const [up] = target.uploads;
    const n = up!.body.length;
    expect(up!.method).toBe('PUT');
    expect(up!.headers['content-length']).toBe(String(n));
    expect(up!.headers['content-range']).toBe(`bytes 0-${n - 1}/${n}`);
    expect(up!.headers['transfer-encoding']).toBeUndefined();
    expect(up!.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(up!.body.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    const pdf = await pdfText(up!.body);
    expect(pdf.all.replace(/\s+/g, ' ')).toContain('Pupil ref 4021 (JD), Year 9');
    expect(pdf.pages.at(-1)).toContain(`Page ${pdf.pages.length} of ${pdf.pages.length}`);
  });
});
