import type { View } from '../core/views/view.js';

/**
 * How the core reaches someone outside a conversation they started (reminders, LA notifications).
 * One implementation per channel; the scheduler and services only see this.
 */
export interface Notifier {
  /** 'unreachable' when the person has never installed or used the app in this channel. */
  notifyPerson(personId: string, views: readonly View[]): Promise<'sent' | 'unreachable'>;
}
