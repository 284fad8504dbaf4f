import type { FormDialog } from './dialog.js';
import { closePlanDialog } from './close-plan.js';
import { exclusionDialog } from './exclusion.js';
import { grantDialog } from './grant.js';
import { newPupilDialog } from './new-pupil.js';
import { pcpDialog } from './pcp.js';
import { pspDialog } from './psp.js';
import { referDialog } from './refer.js';
import { reviewDialog } from './review.js';
import { setStepDialog } from './set-step.js';
import { shareDialog, unshareDialog } from './share.js';
import { signpostDialog } from './signpost-dialog.js';
import { updateDialog } from './update.js';
import { whatNextDialog } from './what-next.js';

/** Every form dialog by id; channels look dialogs up here so card submits route by id. */
export const DIALOGS: Record<string, FormDialog> = Object.fromEntries(
  [whatNextDialog, signpostDialog, newPupilDialog, pcpDialog, reviewDialog, pspDialog, referDialog, exclusionDialog, setStepDialog, updateDialog, closePlanDialog, shareDialog, unshareDialog, grantDialog].map((d) => [d.id, d]),
);
