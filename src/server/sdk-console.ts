import { AsyncLocalStorage } from 'node:async_hooks';

/** Where console output from inside a request goes: the method name and its arguments. */
export type ConsoleSink = (level: 'error' | 'warn' | 'log' | 'info', args: unknown[]) => void;

const within = new AsyncLocalStorage<ConsoleSink>();
let installed = false;

/**
 * The Bot Framework SDK writes to `console` when it refuses a request (a whole stack for an
 * expired or badly signed token), which would let anyone flood stderr. Console calls made while
 * `fn` runs, in its async context only, go to `sink` instead; everything else in the process is
 * untouched. The console methods are wrapped once, on first use.
 */
export function routeConsoleWithin<T>(sink: ConsoleSink, fn: () => Promise<T>): Promise<T> {
  if (!installed) {
    installed = true;
    // This file is the one place that touches the console: it takes the SDK's output away from it.
    /* eslint-disable no-console */
    for (const level of ['error', 'warn', 'log', 'info'] as const) {
      const original = console[level].bind(console);
      console[level] = (...args: unknown[]) => {
        const route = within.getStore();
        if (route) route(level, args);
        else original(...args);
      };
    }
    /* eslint-enable no-console */
  }
  return within.run(sink, fn);
}

/**
 * What of a console call may be logged: the error's class name, or a string's first line cut to
 * 120 characters (SDK messages are fixed text; nothing from the request is echoed at length).
 */
export function describeConsoleArgs(args: unknown[]): string {
  const first = args[0];
  if (first instanceof Error) return first.constructor.name || first.name;
  if (typeof first === 'string') return first.split('\n')[0]!.slice(0, 120);
  return typeof first;
}
