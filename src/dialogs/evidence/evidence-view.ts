import { heading, text, type View } from '../../core/views/view.js';
import type { DialogContext } from '../dialog.js';
import { describePupil } from '../pupil-question.js';
import { commandFor } from '../read/read-request.js';
import { pupilAt, to, type Subject } from '../read/subject.js';
import { evidencePack, pupilWords } from './evidence-pack.js';

/**
 * `evidence 4021`: the pupil's evidence pack, as a reply that carries the document for the channel
 * to deliver (Teams asks consent in the personal chat, Slack uploads to the DM, the terminal saves
 * it). The pupil was found through the access rules (the read is audited there); making the
 * document is audited as well, by ids only.
 */
export async function evidenceView(ctx: DialogContext, s: Subject): Promise<View> {
  const document = evidencePack(ctx, s);
  await ctx.cases.produced(ctx.user, s.c, 'evidence-pack');
  return {
    blocks: [
      heading(`Evidence pack: ${describePupil(s.c)}`),
      text(`The graduated response on this pupil’s record from ${document.period}, as a PDF to attach to an EHC needs assessment request or a referral: steps and who agreed each move, plans and reviews, cycles against the pathway’s actions, interventions and services, suspensions, referrals, EHC dates, guidance and the full chronology.`),
      text('It holds special category data about a child: keep it somewhere secure and share it only for the request it is for.', 'warning'),
      { type: 'actions', actions: [to.pupil(s), to.timeline(s)] },
    ],
    file: {
      fileName: `evidence-pack-${s.c.pupilRef}-${ctx.today()}.pdf`,
      title: `Graduated response evidence pack: pupil ${pupilWords(s.c)}`,
      document,
      command: commandFor({ kind: 'evidence', ...pupilAt(s) }),
    },
  };
}
