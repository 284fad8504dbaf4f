/**
 * A file for a person, given the way their channel gives files: in Slack uploaded to their direct
 * messages, in Teams sent to their personal chat, in the terminal written to the data folder. The
 * core makes the bytes; each channel implements this once, for every file the bot makes (the LA's
 * CSV, an evidence pack).
 */
export interface FileDelivery {
  /**
   * Gives `bytes` to `person` (a channel id such as `slack:T1:U1`) as a file called `name` of type
   * `mime`. Resolves to words saying where it went ("Sent to your direct messages as …"); rejects
   * when it could not be delivered.
   */
  deliverFile(person: string, name: string, bytes: Uint8Array, mime: string): Promise<string>;
}

/** A file name that is safe everywhere: letters, digits, dots, dashes and underscores. */
export const safeFileName = (name: string): string => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 120) || 'file';
