import { writesPupilRecords } from '../core/access/policy.js';
import type { DialogContext } from './dialog.js';

/**
 * For a dialog's `refuse`: why this person may not add or change pupil records (`doing`, e.g. "add
 * pupils"), with what they can do instead; undefined when they may. Asked before a form's first
 * question, so nobody answers a whole form to be refused at the end. Which pupil they may change is
 * still checked when they name one, and again when the change is saved.
 */
export const onlyPupilWriters =
  (doing: string) =>
  ({ user }: DialogContext): string | undefined => {
    if (writesPupilRecords(user)) return undefined;
    switch (user.role) {
      case 'admin':
        return `As an admin you manage who has which role and see no pupil records, so you can’t ${doing}: a teacher or SENDCo at the school does. You can give someone that role with: grant <id> sendco <school-id> (or teacher). You can also find services with "signpost".`;
      case 'la-officer':
        return `As an LA officer you see the pupils schools refer to the LA, but you can’t ${doing}: the school records that. You can use "what next" to work through the guidance without saving anything, or find services with "signpost".`;
      default:
        return `Your role has no school, so you can’t ${doing} yet. You can ask your admin to give you your role at your school (grant <your id> ${user.role} <school-id>), and find services with "signpost" meanwhile.`;
    }
  };

/**
 * For a dialog's `refuse`: only a SENDCo may do this (`doing`, e.g. "set a pupil’s step"); a teacher
 * or headteacher is told what they can do instead, and anyone who records no pupils gets onlyPupilWriters' answer.
 * CaseService checks it again when the change is saved.
 */
export const onlySendcos =
  (doing: string, instead: string) =>
  (ctx: DialogContext): string | undefined => {
    if (ctx.user.role === 'sendco' && ctx.user.schoolId) return undefined;
    if ((ctx.user.role === 'teacher' || ctx.user.role === 'headteacher') && ctx.user.schoolId) return `Only a SENDCo can ${doing}. ${instead}`;
    return onlyPupilWriters(doing)(ctx);
  };

/**
 * For a dialog's `refuse`: only a SENDCo, or an admin of a school, may say which teachers work with
 * a pupil. CaseService checks the pupil's school again when the change is saved.
 */
export const onlySharers =
  (doing: string) =>
  ({ user }: DialogContext): string | undefined => {
    if ((user.role === 'sendco' || user.role === 'admin') && user.schoolId) return undefined;
    if ((user.role === 'teacher' || user.role === 'headteacher') && user.schoolId) return `Only a SENDCo can ${doing}. Ask your SENDCo; they can type: share <pupil reference> with ${user.id}`;
    if (user.role === 'admin') return `As an admin with no school, you can’t ${doing}: a SENDCo at the pupil’s school does, or an admin of that school.`;
    return onlyPupilWriters(doing)({ user } as DialogContext);
  };
