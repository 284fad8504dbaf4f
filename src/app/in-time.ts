/**
 * Waits for `work` at most `ms`: its result, or undefined if it is still going (it carries on).
 * Both platforms want an answer within seconds (Teams resends after 15 s, Slack gives up after
 * 3 s), so slow work answers "still working" and reports back when it is done.
 */
export async function inTime<T>(work: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([work.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
