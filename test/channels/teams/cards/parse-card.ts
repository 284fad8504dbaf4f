import { createRequire } from 'node:module';
import { VERBS } from '../../../../src/channels/teams/cards/actions.js';

/**
 * Checks a card with Microsoft's own Adaptive Cards parser at version 1.5 (Teams' limit), plus what
 * the parser does not check: the root, Universal Action verbs and their fallbacks, safe links,
 * unique input ids and Teams' limit on buttons in a row. Returns every problem found.
 */

// The package's ESM build does not load on Node; its UMD bundle does.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

const MAX_ACTIONS_IN_A_ROW = 6;
const SAFE_URL = /^(https:|tel:|mailto:)/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A picker's `choices.data` (Data.Query) is a Teams addition that Teams honours in cards of any
 * version (Microsoft's typeahead and people-picker examples are 1.2, with `"choices": []`), while the
 * SDK files it under 1.6 and wants a static choice. So the SDK reads the card without it, with a
 * stand-in choice where there is none; ownProblems checks the Data.Query itself.
 */
function withoutDataQueries(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(withoutDataQueries);
  if (!isObject(json)) return json;
  const copy = Object.fromEntries(Object.entries(json).filter(([k]) => k !== 'choices.data').map(([k, v]) => [k, withoutDataQueries(v)]));
  if ('choices.data' in json && Array.isArray(json.choices) && !json.choices.length) copy.choices = [{ title: 'fetched as the person types', value: 'fetched' }];
  return copy;
}

function dataQueryProblems(o: Json, at: string): string[] {
  if (!('choices.data' in o)) return [];
  const q = o['choices.data'];
  if (o.type !== 'Input.ChoiceSet') return [`${at}: choices.data on ${String(o.type)}`];
  if (!isObject(q) || q.type !== 'Data.Query' || typeof q.dataset !== 'string' || !q.dataset) return [`${at}: choices.data is not a Data.Query with a dataset`];
  return o.isMultiSelect ? [`${at}: a picker here picks one`] : [];
}

/**
 * Teams' chart elements (learn.microsoft.com, "Charts in Adaptive Cards"; msteams-docs
 * charts-in-adaptive-cards.md) are Teams-only: Microsoft's parser does not know them and says
 * 'Unknown element type "Chart.…". Fallback will be used if present.', then parses the fallback.
 * That one message is expected for these types; their shape is checked here instead (chartProblems).
 */
const TEAMS_CHARTS = ['Chart.VerticalBar', 'Chart.VerticalBar.Grouped', 'Chart.Line', 'Chart.Pie', 'Chart.Donut', 'Chart.HorizontalBar', 'Chart.HorizontalBar.Stacked', 'Chart.Gauge'];
const CHART_NOTICE = /^Unknown element type "(Chart\.[A-Za-z.]+)"\. Fallback will be used if present\.$/;

const isPoint = (p: unknown) => isObject(p) && typeof p.x === 'string' && typeof p.y === 'number' && Number.isFinite(p.y);
const isSeries = (s: unknown) => isObject(s) && typeof s.legend === 'string' && Array.isArray(s.values) && s.values.every(isPoint);
const isSlice = (s: unknown) => isObject(s) && typeof s.legend === 'string' && typeof s.value === 'number' && s.value >= 0;

/** A chart as Microsoft documents it: its data's shape by type, and a fallback for clients without charts. */
function chartProblems(o: Json, at: string): string[] {
  const type = String(o.type);
  if (!TEAMS_CHARTS.includes(type)) return [`${at}: ${type} is not a Teams chart element`];
  const problems: string[] = [];
  if (o.fallback !== 'drop' && !isObject(o.fallback)) problems.push(`${at}: ${type} has no fallback for clients without charts`);
  const data = o.data;
  const ok =
    Array.isArray(data) &&
    (type === 'Chart.VerticalBar' || type === 'Chart.HorizontalBar' ? data.every(isPoint) : type === 'Chart.Pie' || type === 'Chart.Donut' ? data.every(isSlice) : type === 'Chart.Gauge' ? true : data.every(isSeries));
  if (!ok) problems.push(`${at}: ${type} data is not in the documented shape`);
  return problems;
}

function parserProblems(json: unknown): string[] {
  const ctx = new AC.SerializationContext(new AC.Version(1, 5));
  const card = new AC.AdaptiveCard();
  card.maxVersion = new AC.Version(1, 5);
  card.parse(withoutDataQueries(json), ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) {
    const message = ctx.getEventAt(i).message;
    if (!TEAMS_CHARTS.includes(CHART_NOTICE.exec(message)?.[1] ?? '')) problems.push(`parser: ${message}`);
  }
  for (const e of card.validateProperties().validationEvents) problems.push(`validation: ${e.message}`);
  return problems;
}

/** Every object in the card, with a path for messages. */
function* walk(v: unknown, path = '$'): Generator<[Json, string]> {
  if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* walk(x, `${path}[${i}]`);
  else if (isObject(v)) {
    yield [v, path];
    for (const [k, x] of Object.entries(v)) yield* walk(x, `${path}.${k}`);
  }
}

function actionProblems(o: Json, at: string): string[] {
  const problems: string[] = [];
  const data = isObject(o.data) ? o.data : undefined;
  if (o.type === 'Action.Execute') {
    if (typeof o.verb !== 'string' || !(VERBS as readonly string[]).includes(o.verb)) problems.push(`${at}: Action.Execute verb ${String(o.verb)} is not a known verb`);
    if (typeof data?.verb !== 'string' || data.verb !== o.verb) problems.push(`${at}: Action.Execute data.verb must equal its verb`);
    const fb = o.fallback;
    if (!isObject(fb) || fb.type !== 'Action.Submit') problems.push(`${at}: Action.Execute needs an Action.Submit fallback`);
  }
  if (o.type === 'Action.Submit' && (typeof data?.verb !== 'string' || !(VERBS as readonly string[]).includes(data.verb)))
    problems.push(`${at}: Action.Submit data.verb ${String(data?.verb)} is not a known verb`);
  if (o.type === 'Action.OpenUrl' && (typeof o.url !== 'string' || !SAFE_URL.test(o.url))) problems.push(`${at}: Action.OpenUrl url ${String(o.url)} is not https:, tel: or mailto:`);
  return problems;
}

function ownProblems(json: unknown): string[] {
  if (!isObject(json)) return ['root: not an object'];
  const problems: string[] = [];
  if (json.type !== 'AdaptiveCard') problems.push(`root: type is ${String(json.type)}, not AdaptiveCard`);
  if (json.version !== '1.5') problems.push(`root: version is ${String(json.version)}, not 1.5`);
  if (!Array.isArray(json.body)) problems.push('root: body is not an array');
  const ids = new Set<string>();
  for (const [o, at] of walk(json)) {
    if (typeof o.type !== 'string') continue;
    problems.push(...actionProblems(o, at), ...dataQueryProblems(o, at));
    if (o.type.startsWith('Chart.')) problems.push(...chartProblems(o, at));
    if (o.type.startsWith('Input.')) {
      if (typeof o.id !== 'string' || !o.id) problems.push(`${at}: ${o.type} has no id`);
      else if (ids.has(o.id)) problems.push(`${at}: input id ${o.id} is used twice`);
      else ids.add(o.id);
    }
    if (o.type === 'ActionSet' && Array.isArray(o.actions) && o.actions.length > MAX_ACTIONS_IN_A_ROW) problems.push(`${at}: ${o.actions.length} actions in one ActionSet`);
  }
  return problems;
}

export function cardProblems(json: unknown): string[] {
  return [...parserProblems(json), ...ownProblems(json)];
}
