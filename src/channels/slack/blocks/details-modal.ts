import type { View } from '../../../core/views/view.js';
import { fitBlocks } from './layout.js';
import type { ModalView } from './slack-types.js';
import { LIMITS, plain } from './text.js';

/** A guidance's details (details.ts) as a modal with nothing to submit, in at most 100 blocks. */
export function detailsModal(views: readonly View[]): ModalView {
  return {
    type: 'modal',
    title: plain('Guidance details', LIMITS.modalTitle),
    close: plain('Close', LIMITS.modalButton),
    blocks: fitBlocks(views, LIMITS.viewBlocks),
  };
}
