import { citation, serviceLinks } from '../../core/guidance/recommendation.js';
import type { Recommendation } from '../../core/guidance/types.js';
import { areasLeft, ratingLabel, type CompletedReflection, type Rating, type SchoolReflections } from '../../core/self-reflection/reflection.js';
import type { SharedReflection } from '../../core/self-reflection/self-reflection-service.js';
import { summarise, type Suggested } from '../../core/self-reflection/summary.js';
import { schoolName } from '../../core/text/school-name.js';
import { londonDayOf, ukDate } from '../../core/text/uk-date.js';
import { heading, text, type Block, type View } from '../../core/views/view.js';
import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import type { SelfReflectionTool } from '../../knowledge/schema/templates.js';
import type { StaffNamer } from '../staff-words.js';
import { byWho, count } from './record-words.js';

/** How an area's rating is worked out, said wherever ratings are shown. */
export const HOW_RATED = 'An area’s rating is the mean of its items’ ratings, rounded down: an area reaches a stage only when its items average it, so a rating never reads higher than the school’s own answers.';

/** Commands staff type (and buttons send). */
export const REFLECTION_COMMANDS = { start: 'self-reflection', summary: 'self-reflection summary', sharing: 'self-reflection sharing', schools: 'self-reflection schools' } as const;

/** "3 Established (items average 3.2), up from 2" */
function areaValue(tool: SelfReflectionTool, rating: Rating, mean: number, before?: Rating): string {
  const change = before === undefined ? '' : before === rating ? `, the same as last time` : `, ${rating > before ? 'up' : 'down'} from ${before}`;
  return `${ratingLabel(tool, rating)} (items average ${mean.toFixed(1)})${change}`;
}

/** How the lowest-rated areas stand: one below the rest, several tied below the rest, or every rated area level. */
type Level = 'one' | 'some' | 'all';

/** A suggestion as guidance is shown everywhere: what, why, who leads it, the source, and the service's contacts. */
function asRecommendation(pack: KnowledgePack, s: Suggested, n: number, level: Level): Recommendation {
  const x = s.suggestion;
  const areaWords = level === 'all' ? `${s.area.title}: the areas are level` : level === 'some' ? `${s.area.title} is among the lowest-rated areas` : `${s.area.title} is the weakest area`;
  const because = s.forItems.length ? `for item${s.forItems.length === 1 ? '' : 's'} ${s.forItems.join(', ')}` : areaWords;
  const base = { id: `self-reflection-${n}`, kind: 'action' as const, ledBy: ['school-leadership' as const], ledByLabel: pack.pathway?.leadRoleLabels['school-leadership'] ?? 'Headteacher and senior leadership team', source: x.source, citation: citation(pack, x.source), because };
  switch (x.kind) {
    case 'action':
      return { ...base, title: x.title, detail: x.detail, services: [], ...(x.pathwayAction ? { actionRef: x.pathwayAction } : {}) };
    case 'service': {
      const [service] = serviceLinks(pack, [x.serviceId]);
      return { ...base, title: service?.name ?? x.serviceId, detail: x.why, services: service ? [service] : [] };
    }
    case 'link':
      return { ...base, title: x.title, detail: x.why, services: [{ id: `link-${n}`, name: x.title, contacts: [{ kind: 'web', value: x.url }] }] };
  }
}

/**
 * A completed reflection for the school: each area's rating, the items rated 1–2, the change since
 * the one before, and what the pack suggests for the weakest areas (each citing its seed section).
 * The school's own notes are shown to the school only.
 */
export function summaryView(pack: KnowledgePack, record: SchoolReflections, latest: CompletedReflection, previous: CompletedReflection | undefined, viewerId: string, nameOf: (schoolId: string) => string = schoolName, who?: StaffNamer): View {
  const tool = pack.selfReflection!;
  const s = summarise(tool, latest, previous);
  const blocks: Block[] = [
    heading(`Inclusion self-reflection: ${nameOf(record.schoolId)}`),
    text(`Completed ${ukDate(latest.completedOn)} by ${byWho(latest.completedBy, viewerId, who)}${previous ? `; compared with the one completed ${ukDate(previous.completedOn)}` : ''}.`),
    { type: 'facts', facts: s.areas.flatMap((a) => (a.rating !== undefined && a.mean !== undefined ? [{ label: a.area.title, value: areaValue(tool, a.rating, a.mean, a.before) }] : [])) },
    text(HOW_RATED, 'muted'),
  ];
  if (s.itemChanges) blocks.push(text(`Since ${ukDate(previous!.completedOn)}: ${count(s.itemChanges.up, 'item')} rated higher, ${s.itemChanges.down} lower, ${s.itemChanges.same} the same.`));
  if (s.weakItems.length) {
    blocks.push(heading(`Items rated 1 or 2 (${s.weakItems.length})`));
    blocks.push({ type: 'list', items: s.weakItems.map((w) => `${w.id} ${w.text} — ${ratingLabel(tool, w.rating)}${w.before !== undefined && w.before !== w.rating ? ` (was ${w.before})` : ''}`) });
  } else blocks.push(text('No item is rated 1 or 2.', 'success'));
  if (s.weakest.length) {
    const rated = s.areas.filter((a) => a.rating !== undefined);
    const level: Level = s.weakest.length === 1 ? 'one' : s.weakest.length === rated.length ? 'all' : 'some';
    blocks.push(heading(`What could help: ${s.weakest.map((a) => a.title).join('; ')}`));
    // Tied areas are said to be level: calling one of them "the weakest" would single it out for nothing.
    if (level === 'all') blocks.push(text(`The areas are level: every area is rated ${ratingLabel(tool, rated[0]!.rating!)}, so none is weaker than the others. What could help in each:`));
    else if (level === 'some') blocks.push(text(`${s.weakest.slice(0, -1).map((a) => a.title).join(', ')} and ${s.weakest.at(-1)!.title} are level, the lowest-rated areas (${ratingLabel(tool, rated.find((a) => a.area === s.weakest[0])!.rating!)}).`));
    blocks.push(...s.suggestions.map((x, i): Block => ({ type: 'recommendation', rec: asRecommendation(pack, x, i + 1, level) })));
  } else blocks.push(text('Every area is Enhanced: keep it in the school’s review cycle, and consider supporting other settings.', 'success'));
  const notes = tool.areas.flatMap((a) => {
    const note = latest.areas[a.id]?.note;
    return note ? [{ title: a.title, detail: note }] : [];
  });
  if (notes.length) blocks.push(heading('Your notes (never shared with the LA)'), { type: 'rows', rows: notes });
  blocks.push(text(sharingWords(record), 'muted'));
  blocks.push({
    type: 'actions',
    actions: [
      { label: 'Change sharing', command: REFLECTION_COMMANDS.sharing },
      { label: record.inProgress ? 'Carry on the next one' : 'Start the next one', command: REFLECTION_COMMANDS.start },
    ],
  });
  return { blocks };
}

/** Whether the LA sees the school's area ratings, and how to change it. */
export function sharingWords(record: SchoolReflections | undefined): string {
  return record?.sharing?.share
    ? `The school’s area ratings are shared with the LA (never your notes or item ratings). To stop: ${REFLECTION_COMMANDS.sharing}.`
    : `The school’s area ratings are not shared with the LA. To share them (never your notes or item ratings): ${REFLECTION_COMMANDS.sharing}.`;
}

/** Where a reflection under way has got to: "2 of 4 areas rated (Leadership, …)". */
export function progressWords(tool: SelfReflectionTool, record: SchoolReflections | undefined): string | undefined {
  const r = record?.inProgress;
  if (!r) return undefined;
  const left = areasLeft(tool, r);
  const done = tool.areas.length - left.length;
  return `The self-reflection started ${ukDate(londonDayOf(r.startedAt))} has ${done} of ${tool.areas.length} areas rated${left.length ? `; still to rate: ${left.map((a) => a.title).join('; ')}` : ''}.`;
}

/** For the school when nothing is completed yet. */
export function nothingYetView(tool: SelfReflectionTool, record: SchoolReflections | undefined, schoolId: string, nameOf: (schoolId: string) => string = schoolName): View {
  const progress = progressWords(tool, record);
  return {
    blocks: [
      heading(`Inclusion self-reflection: ${nameOf(schoolId)}`),
      text(`No self-reflection has been completed here yet.${progress ? ` ${progress}` : ''}`),
      { type: 'actions', actions: [{ label: progress ? 'Carry on' : 'Start it', command: REFLECTION_COMMANDS.start }] },
    ],
  };
}

/** For an LA officer: each sharing school's latest area ratings and the change since the one before. Never notes. */
export function sharedView(tool: SelfReflectionTool, shared: readonly SharedReflection[], nameOf: (schoolId: string) => string = schoolName): View {
  const blocks: Block[] = [heading('Inclusion self-reflection: schools that share their ratings')];
  if (!shared.length) return { blocks: [...blocks, text('No school shares its self-reflection ratings with the LA now: none has chosen to, or those that did have since stopped. Schools choose this at the end of each self-reflection, and can change it.')] };
  blocks.push(text(`${count(shared.length, 'school')}. Each area’s rating from the school’s latest self-reflection, with the one before. ${HOW_RATED} Schools’ notes and item ratings stay with the school.`, 'muted'));
  blocks.push({
    type: 'rows',
    rows: shared.map((s) => ({
      title: `${nameOf(s.schoolId)}: completed ${ukDate(s.completedOn)}`,
      detail: tool.areas
        .flatMap((a) => {
          const r = s.ratings[a.id];
          if (r === undefined) return [];
          const was = s.previous?.ratings[a.id];
          return [`${a.title}: ${ratingLabel(tool, r)}${was === undefined ? '' : was === r ? ' (unchanged)' : ` (was ${was})`}`];
        })
        .join('\n'),
      ...(Object.values(s.ratings).some((r) => r <= 2) ? { tone: 'warning' as const } : {}),
    })),
  });
  return { blocks };
}
