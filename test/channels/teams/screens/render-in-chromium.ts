import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { showsAt, type CardWidth } from '../../../helpers/first-screen.js';

/**
 * Cards rendered as Teams draws them: Microsoft's own Adaptive Cards renderer (the `adaptivecards`
 * package the other tests parse with), Teams' host config, and markdown-it (which the renderer uses
 * for TextBlock markdown, as Teams does), in Debian's Chromium driven by playwright-core. Each
 * render is checked for what a reader on a phone would notice: something running off the card's
 * right edge, a button's title cut short, a word broken across two lines.
 */

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENS_DIR = path.resolve('test-results/screens');

/** One line saying what is missing, or undefined when Chromium is there. */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  return `Screenshot tests need Chromium at ${CHROMIUM}: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH; SKIP_SCREENSHOTS=1 skips them.`;
}

/**
 * The card width bucket Teams would use for a card this many pixels wide. Microsoft publishes no
 * pixel breakpoints, only descriptions ("narrow: a mobile phone in portrait mode"; "standard: a
 * phone in landscape, a tablet in portrait, or a chat on desktop"; "veryNarrow: a meeting chat"),
 * so these follow them: phones in portrait are 320–430 px wide, a desktop chat's card 500 px up.
 */
export function widthBucket(px: number): CardWidth {
  if (px < 300) return 'veryNarrow';
  if (px < 480) return 'narrow';
  if (px < 800) return 'standard';
  return 'wide';
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The card as a client of this width shows it: elements whose `targetWidth` excludes the width
 * are dropped. adaptivecards 3.0.6 predates `targetWidth` and would draw every layout at once,
 * so the host's part is done here, as Teams does it.
 */
export function atWidth(card: unknown, bucket: CardWidth): unknown {
  if (Array.isArray(card)) return card.filter((x) => !isObject(x) || showsAt(x.targetWidth as never, bucket)).map((x) => atWidth(x, bucket));
  if (!isObject(card)) return card;
  return Object.fromEntries(Object.entries(card).filter(([k]) => k !== 'targetWidth').map(([k, v]) => [k, atWidth(v, bucket)]));
}

export interface Problem {
  kind: 'overflow' | 'cut' | 'broken word';
  what: string;
}

export interface Renderer {
  /**
   * Renders the card at a width and returns what a reader would notice; `expand` presses every
   * "Show details", "Why these checks" and a menu's "More" first; `bucket` forces a targetWidth bucket other than the width's own.
   */
  render(card: unknown, width: number, file: string, opts?: { expand?: boolean; bucket?: CardWidth }): Promise<Problem[]>;
  close(): Promise<void>;
}

/**
 * Runs in the page: everything past the host's right edge, titles cut with "…", and words split
 * over two lines. Plain JavaScript in a string, so nothing the test's compiler adds reaches the page.
 */
const FIND_PROBLEMS = String.raw`(() => {
  const host = document.getElementById('host');
  const right = host.getBoundingClientRect().right;
  const problems = [];
  const say = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60) || el.tagName.toLowerCase();
  // What a reader sees run off the card: text, controls, and boxes with a colour of their own
  // (an element's empty box past the edge, such as a list's, shows nothing and is left alone).
  const drawn = (el) => {
    if (/^(BUTTON|INPUT|SELECT|TEXTAREA|IMG)$/.test(el.tagName)) return true;
    const bg = getComputedStyle(el).backgroundColor;
    return bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent';
  };
  for (const el of Array.from(host.querySelectorAll('*'))) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (drawn(el) && r.right > right + 1) problems.push({ kind: 'overflow', what: say(el) + ' (' + Math.round(r.right - right) + ' px past the edge)' });
    // A title or line shortened with "…" by the renderer: the reader never sees the rest.
    if (getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) problems.push({ kind: 'cut', what: say(el) });
  }
  const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent || '';
    // A word is what lies between spaces, hyphens, dashes and slashes: a line may break at those.
    for (const m of text.matchAll(/[^\s\-\u2010\u2013\u2014\/]+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = Array.from(range.getClientRects()).filter((x) => x.width > 0);
      if (rects.some((x) => x.right > right + 1)) problems.push({ kind: 'overflow', what: '"' + m[0] + '" in "' + text.trim().slice(0, 60) + '"' });
      const tops = new Set(rects.map((x) => Math.round(x.top)));
      if (tops.size > 1) problems.push({ kind: 'broken word', what: '"' + m[0] + '" in "' + text.trim().slice(0, 60) + '"' });
    }
  }
  return problems;
})()`;

/** Runs in the page: draws the card JSON at a width with Teams' host config. */
const RENDER = String.raw`((json, px) => {
  const host = document.getElementById('host');
  host.style.width = px + 'px';
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(window.teamsHostConfig);
  card.parse(json);
  const el = card.render();
  if (!el) throw new Error('the card did not render');
  host.replaceChildren(el);
})`;

export async function openRenderer(): Promise<Renderer> {
  const hostConfig = JSON.parse(await readFile(new URL('./teams-host-config-light.json', import.meta.url), 'utf8')) as unknown;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  const page: Page = await browser.newPage({ viewport: { width: 900, height: 800 }, deviceScaleFactor: 1 });
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;background:#f5f5f5}#host{background:#fff}</style></head><body><div id="host"></div></body></html>');
  await page.addScriptTag({ path: require.resolve('markdown-it/dist/markdown-it.min.js') });
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  await page.evaluate(`window.teamsHostConfig = ${JSON.stringify(hostConfig)};`);
  await mkdir(SCREENS_DIR, { recursive: true });

  return {
    async render(card, width, file, opts = {}) {
      const shown = atWidth(card, opts.bucket ?? widthBucket(width));
      await page.evaluate(`${RENDER}(${JSON.stringify(shown)}, ${width})`);
      if (opts.expand) for (const button of await page.getByRole('button', { name: /^(Show details|Why these checks|More)$/ }).all()) await button.click();
      const problems = (await page.evaluate(FIND_PROBLEMS)) as Problem[];
      await page.locator('#host').screenshot({ path: path.join(SCREENS_DIR, file) });
      return problems;
    },
    close: () => browser.close(),
  };
}
