/** A line of a raw stack trace: `    at fn (file.js:1:2)` or `    at file:///x.ts:3:4`. */
const STACK_FRAME = /^\s+at\s.+:\d+:\d+\)?\s*$/;
const TAIL = 40;

/**
 * Watches a child's stdout and stderr: reports each line, marking raw stack frames, and keeps
 * the last few lines for a crash report. Quoted text is cut from kept lines, because error messages
 * such as JSON.parse's quote the request body they choked on.
 */
export class OutputWatch {
  readonly #tail: string[] = [];
  #partial = '';

  /** `onLine` gets each line, redacted, and whether it is a raw stack frame. */
  constructor(private readonly onLine: (line: string, stackFrame: boolean) => void = () => undefined) {}

  add(chunk: Buffer): void {
    const text = this.#partial + chunk.toString('utf8');
    const parts = text.split('\n');
    this.#partial = parts.pop() ?? '';
    for (const line of parts) this.#line(line);
  }

  #line(line: string): void {
    const clean = redact(line);
    this.onLine(clean, STACK_FRAME.test(line));
    this.#tail.push(clean);
    if (this.#tail.length > TAIL) this.#tail.shift();
  }

  tail(n: number): string[] {
    return this.#tail.slice(-n);
  }
}

const KEPT_FIELDS = ['status', 'code', 'error', 'type', 'path'];

/**
 * A line fit to print: a structured log line keeps its level, name, message and a few short id-like
 * fields; any other line loses its quoted text. Either is cut to 200 characters.
 */
export function redact(line: string): string {
  const out = fromLogLine(line) ?? line.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/'(?:[^'\\]|\\.)*'/g, "'…'");
  return out.length > 200 ? `${out.slice(0, 200)}…` : out;
}

function fromLogLine(line: string): string | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const o = JSON.parse(line) as Record<string, unknown>;
    if (typeof o.msg !== 'string') return undefined;
    const fields = KEPT_FIELDS.filter((k) => typeof o[k] === 'string' || typeof o[k] === 'number').map((k) => `${k}=${String(o[k]).slice(0, 60)}`);
    return [`[${String(o.level)}] ${String(o.name)}: ${o.msg.slice(0, 120)}`, ...fields].join(' ');
  } catch {
    return undefined;
  }
}
