/**
 * How much staff may write, generous enough for real notes: a field of a plan holds a few
 * paragraphs, a review's notes about a page. The case schema, the pack's form templates and the
 * questions all read these numbers, so a question never accepts what the store would refuse, and
 * files saved under the lower limits of earlier versions still load.
 */

/** One field of a plan, PSP or referral (and the most a pack's template may allow). */
export const FIELD_MAX = 4000;

/** A review's notes, and the notes given to "what next". */
export const NOTES_MAX = 8000;
