import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_CONSENT_CARD, FILE_INFO_CARD } from '../../../src/channels/teams/file-consent.js';
import { pdfText } from '../../helpers/pdf-text.js';
import { threeYearRecord } from '../../helpers/three-year-record.js';
import { AAD, actionsOf, cardOf, teamsHarness, textOf, type TeamsHarness } from './harness.js';

type Json = Record<string, unknown>;
interface Upload {
  method: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A local stand-in for the OneDrive upload session Teams hands the bot on accept: records each PUT. */
async function startUploadTarget() {
  const uploads: Upload[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      uploads.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'drive-item-1', name: 'evidence-pack-4021-2026-11-20.pdf' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload/session-1`, uploads, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const SENDCO = `teams:${AAD.sendco}`;
const attachmentsOf = (body: Json) => (body.attachments as { contentType: string; name?: string; contentUrl?: string; content: Json }[] | undefined) ?? [];

describe('the evidence pack in Teams: the personal chat’s file consent flow', () => {
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

  const consentCardAfter = async (before: number, conversationId = `a:personal-${AAD.sendco}`) => {
    const call = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && c.conversationId === conversationId && attachmentsOf(c.body).some((a) => a.contentType === FILE_CONSENT_CARD));
    return attachmentsOf(call.body).find((a) => a.contentType === FILE_CONSENT_CARD)!;
  };

  const consent = (action: 'accept' | 'decline', command: string, uploadUrl = target.url, who = AAD.sendco) =>
    h.post(
      h.activity(who, {
        type: 'invoke',
        name: 'fileConsent/invoke',
        value: {
          type: 'fileUpload',
          action,
          context: { command },
          ...(action === 'accept' ? { uploadInfo: { name: 'evidence-pack-4021-2026-11-20.pdf', uploadUrl, contentUrl: 'https://contoso.sharepoint.com/personal/sendco/Documents/Applications/evidence-pack-4021-2026-11-20.pdf', uniqueId: 'A1B2C3', fileType: 'pdf' } } : {}),
        },
      }),
    );

  it('"evidence 4021" answers with a card and then a consent card naming the file, its size and what it holds', async () => {
    const before = h.connector.calls.length;
    const card = await h.say(AAD.sendco, 'evidence 4021');
    expect(textOf(card)).toContain('Evidence pack: JD (ref 4021, Year 9)');
    const offer = await consentCardAfter(before);
    expect(offer.name).toBe('evidence-pack-4021-2026-11-20.pdf');
    expect(offer.content).toMatchObject({ acceptContext: { command: 'evidence 4021' }, declineContext: { command: 'evidence 4021' } });
    expect(offer.content.sizeInBytes).toBeGreaterThan(20_000);
    expect(offer.content.description).toMatch(/^Graduated response evidence pack: pupil ref 4021 \(JD\), Year 9: \d+ pages\. It holds special category data about a child\./);
  });

  it('accepted: the PDF is PUT to the upload URL in one piece with Content-Range, then a FileInfoCard opens it', async () => {
    const before = h.connector.calls.length;
    const res = await consent('accept', 'evidence 4021');
    expect(res.status).toBe(200);
    const [up] = target.uploads;
    expect(up?.method).toBe('PUT');
    expect(up!.headers['content-range']).toBe(`bytes 0-${up!.body.length - 1}/${up!.body.length}`);
    expect(Number(up!.headers['content-length'])).toBe(up!.body.length);
    const pdf = await pdfText(up!.body);
    expect(pdf.all.replace(/\s+/g, ' ')).toContain('Pupil ref 4021 (JD), Year 9');
    expect(pdf.pages.at(-1)).toContain(`Page ${pdf.pages.length} of ${pdf.pages.length}`);
    const shown = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && attachmentsOf(c.body).some((a) => a.contentType === FILE_INFO_CARD));
    expect(attachmentsOf(shown.body)[0]).toEqual({
      contentType: FILE_INFO_CARD,
      name: 'evidence-pack-4021-2026-11-20.pdf',
      contentUrl: 'https://contoso.sharepoint.com/personal/sendco/Documents/Applications/evidence-pack-4021-2026-11-20.pdf',
      content: { uniqueId: 'A1B2C3', fileType: 'pdf' },
    });
    expect(shown.body.text).toContain('Saved to your OneDrive');
    // Made once to size the offer and once for the upload, each read checked and audited by ids.
    const audit = (await h.core.audit.list({ actorId: SENDCO })).filter((e) => e.action.startsWith('evidence'));
    expect(audit.map((e) => [e.action, e.caseId])).toEqual([
      ['evidence-pack.produced', 'case-three-years'],
      ['evidence-pack.produced', 'case-three-years'],
    ]);
  });

  it('declined: nothing is uploaded, and the person is told kindly how to ask again', async () => {
    const uploads = target.uploads.length;
    const before = h.connector.calls.length;
    expect((await consent('decline', 'evidence 4021')).status).toBe(200);
    const said = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before);
    expect(textOf(cardOf(said.body))).toContain('No problem: the file was not sent, and nothing was saved anywhere. Type "evidence 4021" whenever you want it.');
    expect(target.uploads.length).toBe(uploads);
  });

  it('takes nothing but a file request back from a consent card, and uploads only where it may', async () => {
    const uploads = target.uploads.length;
    let before = h.connector.calls.length;
    await consent('accept', `grant teams:${AAD.stranger} admin`);
    expect(textOf(cardOf((await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before)).body))).toContain('nothing was saved');
    expect(h.core.staff.find(`teams:${AAD.stranger}`)).toBeUndefined();
    before = h.connector.calls.length;
    await consent('accept', 'evidence 4021', 'http://files.example.org/upload/1');
    expect(textOf(cardOf((await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before)).body))).toContain('upload address I may not use');
    expect(target.uploads.length).toBe(uploads);
  });

  it('someone who may not see the pupil accepts nothing: the card answers as for any pupil they cannot see', async () => {
    const uploads = target.uploads.length;
    const before = h.connector.calls.length;
    await consent('accept', 'evidence 4021', target.url, AAD.teacher);
    expect(textOf(cardOf((await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before)).body))).toContain('I can’t find a pupil with reference 4021');
    expect(target.uploads.length).toBe(uploads);
  });

  it('the "Evidence pack" button on the summary answers in place and offers the file beside the card', async () => {
    const summary = await h.say(AAD.sendco, 'pupil 4021');
    const button = actionsOf(summary, 'command').find((a) => a.title === 'Evidence pack');
    expect(button?.data).toMatchObject({ command: 'evidence 4021' });
    const before = h.connector.calls.length;
    const card = await h.press(AAD.sendco, button!);
    expect(textOf(card)).toContain('Evidence pack: JD (ref 4021, Year 9)');
    expect((await consentCardAfter(before)).content).toMatchObject({ acceptContext: { command: 'evidence 4021' } });
  });

  it('asked for in a team channel: sent to the personal chat, and the channel hears nothing about the pupil', async () => {
    const channel = { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1' };
    const before = h.connector.calls.length;
    await h.post(h.activity(AAD.sendco, { type: 'message', text: '<at>Graduated Response</at> evidence 4021', entities: [], conversation: channel }));
    const reply = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && c.conversationId === channel.id && c.body.type === 'message');
    const words = textOf(cardOf(reply.body));
    expect(words).toContain('I have answered in your personal chat with me');
    expect(words).not.toMatch(/JD|Year 9/);
    await consentCardAfter(before);
  });

  it('asked for in a channel by someone who has never opened a personal chat: told how to ask there, and nothing is made', async () => {
    const stranger = '00000000-0000-0000-0000-0000000000f1';
    const channel = { id: '19:staffroom@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1' };
    const before = h.connector.calls.length;
    await h.post(h.activity(stranger, { type: 'message', text: 'evidence 4021', conversation: channel }));
    const reply = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && c.conversationId === channel.id && c.body.type === 'message');
    expect(textOf(cardOf(reply.body))).toContain('Files about a pupil only go to your personal chat with me');
    expect(h.connector.calls.slice(before).some((c) => attachmentsOf(c.body).some((a) => a.contentType === FILE_CONSENT_CARD))).toBe(false);
  });
});
