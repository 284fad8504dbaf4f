import { renderText } from '../src/chat/render-text.js';
import { messageFrom } from '../src/channels/slack/blocks/message.js';
import { renderCard } from '../src/channels/teams/cards/render-card.js';
import { LEGAL_WARNINGS } from '../src/core/guidance/first-screen.js';
import { countWords, firstScreenWords } from '../src/core/views/first-screen.js';
import { loadPack } from '../src/knowledge/load-pack.js';
import { slackFirstScreen, teamsFirstScreen } from '../test/helpers/first-screen.js';
import { GUIDANCE_SCENARIOS, scenarioViews } from '../test/helpers/guidance-scenarios.js';

/**
 * Words on the first screen of each guidance scenario the tests use, before "Show details": the
 * core's count, a Teams card at phone width, a Slack message and the terminal. The aim is under
 * 150, warnings included (each as its brief); the words of the warnings in full, behind "Show
 * details", are printed beside the total, and so is the whole guidance with its details.
 */
export async function firstScreenFigures(): Promise<void> {
  const pack = await loadPack('worcestershire');
  console.log(`first screen of guidance, in words (aim < 150, warnings included; "in full" = the warnings' whole text, behind "Show details")`);
  console.log(`  ${'scenario'.padEnd(46)} ${'core'.padStart(5)} ${'Teams'.padStart(6)} ${'Slack'.padStart(6)} ${'text'.padStart(5)} ${'in full'.padStart(8)} ${'whole'.padStart(6)}`);
  for (const s of GUIDANCE_SCENARIOS) {
    const views = scenarioViews(pack, s);
    const inFull = views
      .flatMap((v) => v.blocks)
      // The warnings on the first screen, counted as their whole text.
      .flatMap((b) => (b.type === 'recommendation' && (b.rec.kind === 'safeguarding' || LEGAL_WARNINGS.has(b.rec.id)) ? [b.rec] : []))
      .reduce((n, r) => n + countWords([r.title, r.detail, r.because ?? '', r.ledByLabel].join(' ')), 0);
    const figures = [firstScreenWords(views), countWords(teamsFirstScreen(renderCard(views), 'narrow')), countWords(slackFirstScreen(messageFrom(views))), countWords(renderText(views))];
    // Everything, details included, as the card showed it all at once before.
    const whole = firstScreenWords(views.map((v) => ({ blocks: v.blocks.flatMap((b) => (b.type === 'details' ? b.details.blocks : [b])) })));
    console.log(`  ${s.name.padEnd(46)} ${figures.map((f, i) => String(f).padStart(i === 0 ? 5 : i === 3 ? 5 : 6)).join(' ')} ${(inFull ? String(inFull) : '–').padStart(8)} ${String(whole).padStart(6)}`);
  }
}
