import type { Built, Endpoint, FuzzRequest } from './fuzz-request.js';
import type { Answer, Outcome } from './send.js';

/** Text that means an internal error reached a reply: stack frames, source positions, JS error names, parser messages. */
export const STACK_TEXT = ['    at ', '.ts:', '.js:', 'TypeError', 'Cannot read properties', 'Unexpected token', 'in JSON at position'];

const RECENT = 16;

/** Counts per key, printed largest first. */
export class Counter {
  readonly #counts = new Map<string, number>();
  add(key: string, n = 1): void {
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + n);
  }
  get total(): number {
    let t = 0;
    for (const n of this.#counts.values()) t += n;
    return t;
  }
  entries(): [string, number][] {
    return [...this.#counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }
}

export interface EndpointTally {
  sent: number;
  outcomes: Counter;
}

/**
 * What the fuzzer saw in the answers: outcomes per endpoint, and each kind of failure grouped by
 * the label of the input that caused it.
 */
export class Tally {
  readonly endpoints: Record<Endpoint, EndpointTally> = { teams: { sent: 0, outcomes: new Counter() }, slack: { sent: 0, outcomes: new Counter() } };
  readonly serverErrorsOnMalformed = new Counter();
  readonly serverErrorsOnWellFormed = new Counter();
  readonly stackText = new Counter();
  /** Which stack-like text was seen, e.g. `TypeError` ×3. */
  readonly stackPatterns = new Counter();
  /** A few replies around their first stack-like text (the bodies are the fuzzer's own, never real data). */
  readonly stackSamples: string[] = [];
  readonly timeouts = new Counter();
  readonly connectionErrors = new Counter();

  /** How often each label feature was sent, to tell causes of exits from bystanders. */
  readonly features = new Counter();
  /** Labels of the last few requests answered, newest last: a crash's cause may have been answered just before. */
  readonly recent: string[] = [];

  add(request: FuzzRequest, built: Built, answer: Answer): void {
    this.recent.push(request.label);
    for (const f of featuresOf(request.label)) this.features.add(f);
    if (this.recent.length > RECENT) this.recent.shift();
    const e = this.endpoints[request.endpoint];
    e.sent++;
    e.outcomes.add(String(answer.outcome));
    if (isServerError(answer.outcome)) (request.wellFormed ? this.serverErrorsOnWellFormed : this.serverErrorsOnMalformed).add(`${request.label} → ${answer.outcome}`);
    if (answer.outcome === 'timeout') this.timeouts.add(request.label);
    if (answer.outcome === 'conn-error') this.connectionErrors.add(request.label);
    // Text the request itself carried is an echo, not a leak.
    const leaked = STACK_TEXT.filter((p) => answer.text.includes(p) && !built.body.includes(p));
    if (leaked.length) {
      this.stackText.add(request.label);
      for (const p of leaked) this.stackPatterns.add(JSON.stringify(p));
      if (this.stackSamples.length < 5) this.stackSamples.push(`${request.label} → ${answer.outcome}: ${around(answer.text, leaked[0]!)}`);
    }
  }

  get sent(): number {
    return this.endpoints.teams.sent + this.endpoints.slack.sent;
  }
}

function around(text: string, pattern: string): string {
  const at = text.indexOf(pattern);
  return text.slice(Math.max(0, at - 60), at + 60).replace(/\s+/g, ' ');
}

/** A label's parts: `raw:bytes+gzip-corrupt+signed` → raw:bytes, gzip-corrupt, signed. */
export const featuresOf = (label: string): string[] => label.split('+');

const isServerError = (o: Outcome): boolean => typeof o === 'number' && o >= 500;
