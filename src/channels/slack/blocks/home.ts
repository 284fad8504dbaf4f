import type { View } from '../../../core/views/view.js';
import { fitBlocks } from './layout.js';
import type { HomeView } from './slack-types.js';
import { LIMITS, section } from './text.js';

/** The App Home tab: what to start, reviews due and the person's pupils (see `homeViews`), at most 100 blocks. */
export function homeTab(views: readonly View[]): HomeView {
  const blocks = fitBlocks(views, LIMITS.viewBlocks);
  return { type: 'home', blocks: blocks.length ? blocks : [section('Nothing to show yet.')] };
}
