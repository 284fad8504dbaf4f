import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { View } from '../../core/views/view.js';
import { renderCard, summaryOf } from './cards/render-card.js';

/** A reply as one Adaptive Card, with a plain summary for notifications and screen readers. */
export function cardMessage(views: readonly View[]): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(renderCard(views)));
  activity.summary = summaryOf(views);
  return activity;
}
