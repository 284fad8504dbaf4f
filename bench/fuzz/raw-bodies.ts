import { deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { signingHeaders, signingLabel, type Endpoint, type FuzzRequest, type Signing } from './fuzz-request.js';
import { signingArb } from './shared-arbitraries.js';

/** A body before encoding: its bytes and the content type sent with them (undefined: no header). */
interface Raw {
  kind: string;
  bytes: Buffer;
  contentType: string | undefined;
}

const JSON_TYPE = 'application/json';
const sample = JSON.stringify({ type: 'message', text: 'help', id: '1', channelId: 'msteams', from: { id: 'u' }, conversation: { id: 'c' }, recipient: { id: 'b' } });

let bomb: Buffer | undefined;
/** 16 MB of JSON gzipped to about 16 KB, made once. */
const gzipBomb = () => (bomb ??= gzipSync(Buffer.from(`{"text":"${'0'.repeat(16 * 1024 * 1024)}"}`), { level: 9 }));

const text = (kind: string, s: string, contentType: string | undefined = JSON_TYPE): Raw => ({ kind, bytes: Buffer.from(s), contentType });

const formFieldArb = fc.tuple(fc.constantFrom('type', 'text', 'a[b]', 'value[dialogId]', 'from[id]', 'conversation[id]', 'payload', 'a[0][b][c][d][e][f]', '__proto__[x]'), fc.string({ maxLength: 40 }));
// URL fields only ever hold loopback or unusable addresses: the bot may reply to them.
const formUrlArb = fc.tuple(fc.constantFrom('serviceUrl', 'response_url'), fc.constantFrom('http://127.0.0.1:1/', 'http://[::1]:1/', 'not a url', ''));

/** Bodies no client of ours sends: bytes, broken JSON, odd JSON, huge and deep, other media types. */
const rawArb: fc.Arbitrary<Raw> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((b) => ({ kind: 'bytes', bytes: Buffer.from(b), contentType: JSON_TYPE })),
  fc.integer({ min: 0, max: sample.length - 1 }).map((n) => text('json-truncated', sample.slice(0, n))),
  fc.string({ maxLength: 300 }).map((s) => text('json-invalid', `{${s}`)),
  fc.constantFrom('null', '[]', '[{}]', '0', '-1.5e308', 'true', '""', '"message"', '{}', '{"type":null}', '[null]', '{"__proto__":{"type":"message"}}').map((s) => text(`json-${s.length < 8 ? s : 'odd'}`, s)),
  fc.integer({ min: 100_000, max: 2_000_000 }).map((n) => text('huge-string', JSON.stringify({ type: 'message', text: 'x'.repeat(n) }))),
  fc.tuple(fc.integer({ min: 1_000, max: 200_000 }), fc.boolean()).map(([n, arrays]) => text('deep-nesting', arrays ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`)),
  fc.constantFrom('text/plain', 'application/xml', 'application/octet-stream', 'application/json; charset=utf-16', 'application/x-json', '*/*', undefined).map((t) => text(`type:${t ?? 'none'}`, sample, t)),
  fc.array(fc.oneof(formFieldArb, formUrlArb), { maxLength: 8 }).map((pairs) => text('form-urlencoded', new URLSearchParams([['type', 'message'], ...pairs]).toString(), 'application/x-www-form-urlencoded')),
  fc.tuple(fc.boolean(), fc.string({ maxLength: 200 })).map(([file, content]) => {
    const disposition = file ? 'name="file"; filename="upload.txt"' : 'name="type"';
    return text(file ? 'multipart-file' : 'multipart-field', `--FUZZ\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: text/plain\r\n\r\n${content}\r\n--FUZZ--\r\n`, 'multipart/form-data; boundary=FUZZ');
  }),
);

/** How the body is encoded on the wire: as is, compressed, compressed but corrupt, or mislabelled. */
type Encoding = 'none' | 'gzip' | 'deflate' | 'gzip-corrupt' | 'deflate-corrupt' | 'gzip-plain-body' | 'gzip-bomb' | 'br' | 'unknown';
const encodingArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Encoding>('none') },
  { weight: 3, arbitrary: fc.constantFrom<Encoding>('gzip', 'deflate', 'gzip-corrupt', 'deflate-corrupt', 'gzip-plain-body', 'br', 'unknown') },
  { weight: 1, arbitrary: fc.constant<Encoding>('gzip-bomb') },
);

function encode(raw: Raw, encoding: Encoding, flip: number): { bytes: Buffer; header?: string } {
  const corrupt = (b: Buffer) => {
    const c = Buffer.from(b);
    // Keep the magic number so the inflater starts, then break the stream or cut it short.
    for (let i = 10; i < c.length; i += 7) c[i] = (c[i]! + flip) & 0xff;
    return flip % 2 ? c : c.subarray(0, Math.max(3, Math.floor(c.length / 2)));
  };
  switch (encoding) {
    case 'none': return { bytes: raw.bytes };
    case 'gzip': return { bytes: gzipSync(raw.bytes), header: 'gzip' };
    case 'deflate': return { bytes: deflateSync(raw.bytes), header: 'deflate' };
    case 'gzip-corrupt': return { bytes: corrupt(gzipSync(raw.bytes)), header: 'gzip' };
    case 'deflate-corrupt': return { bytes: corrupt(deflateSync(raw.bytes)), header: 'deflate' };
    case 'gzip-plain-body': return { bytes: raw.bytes, header: 'gzip' };
    case 'gzip-bomb': return { bytes: gzipBomb(), header: 'gzip' };
    case 'br': return { bytes: raw.bytes, header: 'br' };
    case 'unknown': return { bytes: raw.bytes, header: 'x-fuzz' };
  }
}

/**
 * Category (a): malformed bodies for either endpoint. To Slack, some are signed with the real
 * secret (the body `null`, signed, once crashed Bolt) and the rest are not.
 */
export function rawRequestArb(endpoint: Endpoint): fc.Arbitrary<FuzzRequest> {
  const signing: fc.Arbitrary<Signing | undefined> = endpoint === 'slack' ? fc.option(signingArb, { freq: 2 }).map((s) => s ?? undefined) : fc.constant(undefined);
  return fc.record({ raw: rawArb, encoding: encodingArb, flip: fc.integer({ min: 1, max: 254 }), signing }).map(({ raw, encoding, flip, signing }) => {
    const signLabel = signing ? `+${signingLabel(signing)}` : endpoint === 'slack' ? '+unsigned' : '';
    return {
      endpoint,
      label: `raw:${raw.kind}${encoding === 'none' ? '' : `+${encoding}`}${signLabel}`,
      wellFormed: false,
      build: (ctx) => {
        const { bytes, header } = encode(raw, encoding, flip);
        const headers: Record<string, string> = { ...(raw.contentType ? { 'content-type': raw.contentType } : {}), ...(header ? { 'content-encoding': header } : {}) };
        return { body: bytes, headers: signing ? { ...headers, ...signingHeaders(signing, bytes, ctx) } : headers };
      },
    };
  });
}
