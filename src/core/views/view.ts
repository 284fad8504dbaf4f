import type { LadderRung, Recommendation } from '../guidance/types.js';
import type { SignpostResult } from '../signpost/signpost.js';

/**
 * What the bot shows, independent of channel. The terminal renders it as text; Teams as
 * Adaptive Cards; Slack as Block Kit. Nothing here knows which.
 */
export type Tone = 'normal' | 'muted' | 'success' | 'warning' | 'urgent';

export interface Choice {
  value: string;
  label: string;
}

export interface QuestionView {
  dialogId: string;
  id: string;
  prompt: string;
  help?: string;
  kind: 'text' | 'longtext' | 'choice' | 'yesno' | 'date' | 'number' | 'list';
  choices?: Choice[];
  optional: boolean;
  /** What an empty answer means, e.g. today's date. */
  defaultLabel?: string;
  /** Set when the last answer could not be used; says kindly what is needed. */
  error?: string;
  progress: { answered: number; total: number };
}

export interface MenuItem {
  command: string;
  label: string;
  description: string;
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'text'; text: string; tone?: Tone }
  | { type: 'ladder'; rungs: LadderRung[] }
  | { type: 'recommendation'; rec: Recommendation }
  | { type: 'service'; rank: number; result: SignpostResult }
  | { type: 'facts'; facts: { label: string; value: string }[] }
  | { type: 'list'; items: string[] }
  | { type: 'menu'; items: MenuItem[] }
  | { type: 'question'; question: QuestionView };

export interface View {
  blocks: Block[];
}

export const view = (...blocks: Block[]): View => ({ blocks });
export const text = (t: string, tone: Tone = 'normal'): Block => ({ type: 'text', text: t, tone });
export const heading = (t: string): Block => ({ type: 'heading', text: t });
