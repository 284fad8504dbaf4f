/**
 * The load generator for HTTP benches: plain JS in a worker thread with keep-alive sockets, one
 * per conversation, so requests arrive as they would from outside. A client sharing the server's
 * event loop would add its own cost to both sides and flatter any comparison.
 */
import { Worker } from 'node:worker_threads';

type Json = Record<string, unknown>;

/** One request: a serialised body and, for signed protocols, its own headers. */
export type LoadRequest = string | { body: string; headers: Record<string, string> };

export interface Phase {
  route: string;
  /** bodies[conversation][round], serialised (and signed) before the clock starts. */
  bodies: LoadRequest[][];
  spacingMs: number;
  /** Every answer must contain this, or the phase fails. */
  expect?: string;
}
type PhaseResult = { samples: number[] } | { error: string };
export type OneResult = { ms: number; status: number; text: string };

const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const agent = new http.Agent({ keepAlive: true, maxSockets: workerData.sockets });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function post(path, request) {
  const { body, headers } = typeof request === 'string' ? { body: request, headers: { 'content-type': 'application/json' } } : request;
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = http.request({ host: '127.0.0.1', port: workerData.port, path, method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ ms: performance.now() - t, status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
parentPort.on('message', async ({ id, one, phase }) => {
  try {
    if (one) return parentPort.postMessage({ id, result: await post(one.route, one.body) });
    const samples = [];
    await Promise.all(phase.bodies.map(async (rounds) => {
      for (const body of rounds) {
        const r = await post(phase.route, body);
        if (r.status !== 200 || (phase.expect && !r.text.includes(phase.expect))) throw new Error(phase.route + ' answered HTTP ' + r.status + ': ' + r.text.slice(0, 300));
        samples.push(r.ms);
        if (phase.spacingMs > r.ms) await sleep(phase.spacingMs - r.ms);
      }
    }));
    parentPort.postMessage({ id, result: { samples } });
  } catch (err) {
    parentPort.postMessage({ id, result: { error: String(err && err.message || err) } });
  }
});
`;

export function startClient(port: number, sockets: number) {
  const worker = new Worker(CLIENT, { eval: true, workerData: { port, sockets } });
  const waiting = new Map<number, (r: unknown) => void>();
  let next = 0;
  worker.on('message', ({ id, result }: { id: number; result: unknown }) => waiting.get(id)?.(result));
  const ask = <T>(msg: Json): Promise<T> =>
    new Promise((resolve) => {
      const id = ++next;
      waiting.set(id, (r) => (waiting.delete(id), resolve(r as T)));
      worker.postMessage({ id, ...msg });
    });
  return {
    async one(route: string, body: Json | LoadRequest): Promise<OneResult> {
      const request = typeof body === 'string' || ('body' in body && typeof body.body === 'string' && 'headers' in body) ? (body as LoadRequest) : JSON.stringify(body);
      const r = await ask<OneResult>({ one: { route, body: request } });
      if (r.status !== 200) throw new Error(`${route} answered HTTP ${r.status}: ${r.text.slice(0, 300)}`);
      return r;
    },
    async phase(p: Phase): Promise<number[]> {
      const r = await ask<PhaseResult>({ phase: p });
      if ('error' in r) throw new Error(r.error);
      return r.samples;
    },
    close: () => worker.terminate(),
  };
}
