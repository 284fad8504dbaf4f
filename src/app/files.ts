import type { FileDelivery } from '../core/files/deliver-file.js';

/** The file delivery of each channel the bot runs in. */
export type FileDeliveries = Partial<Record<'teams' | 'slack', FileDelivery>>;

/** Delivers to a person through their own channel, by the prefix of their id (`teams:`, `slack:`). */
export function filesByChannel(deliveries: FileDeliveries): FileDelivery {
  return {
    deliverFile(person, name, bytes, mime) {
      const channel = person.slice(0, person.indexOf(':'));
      const d = channel === 'teams' || channel === 'slack' ? deliveries[channel] : undefined;
      if (!d) return Promise.reject(new Error('no file delivery for this person’s channel'));
      return d.deliverFile(person, name, bytes, mime);
    },
  };
}
