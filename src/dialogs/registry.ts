import type { FormDialog } from './dialog.js';
import { closePlanDialog } from './close-plan.js';
import { exclusionDialog } from './exclusion.js';
import { grantDialog } from './grant.js';
import { newPupilDialog } from './new-pupil.js';
import { pcpDialog } from './pcp.js';
import { pspDialog } from './psp.js';
import { referDialog } from './refer.js';
import { reviewDialog } from './review.js';
import { AREA_DIALOG_PREFIX, areaDialog, REFLECTION_DIALOGS } from './self-reflection/flow.js';
import { setStepDialog } from './set-step.js';
import { withdrawExclusionDialog } from './withdraw-exclusion.js';
import { reinstateDialog } from './reinstate.js';
import { shareDialog, unshareDialog } from './share.js';
import { signpostDialog } from './signpost-dialog.js';
import { updateDialog } from './update.js';
import { whatNextDialog } from './what-next.js';

/** Every form dialog by id; channels look dialogs up here so card submits route by id. */
export const DIALOGS: Record<string, FormDialog> = Object.fromEntries(
  [whatNextDialog, signpostDialog, newPupilDialog, pcpDialog, reviewDialog, pspDialog, referDialog, exclusionDialog, setStepDialog, withdrawExclusionDialog, reinstateDialog, updateDialog, closePlanDialog, shareDialog, unshareDialog, grantDialog, ...REFLECTION_DIALOGS].map((d) => [d.id, d]),
);

/**
 * A dialog by id: one of {@link DIALOGS}, or an area of the self-reflection tool
 * (`self-reflection/<area id>`), whose forms come from the knowledge pack's areas.
 */
export function findDialog(id: string): FormDialog | undefined {
  if (Object.hasOwn(DIALOGS, id)) return DIALOGS[id];
  const area = id.startsWith(AREA_DIALOG_PREFIX) ? id.slice(AREA_DIALOG_PREFIX.length) : undefined;
  return area && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(area) && area.length <= 80 ? areaDialog(area) : undefined;
}
