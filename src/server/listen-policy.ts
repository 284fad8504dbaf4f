import type { Config } from '../config.js';
import { AppError } from '../core/errors.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export const isLoopback = (host: string): boolean => LOOPBACK.has(host) || host.startsWith('127.');

/**
 * Decides whether the bot may start as configured. Without Microsoft credentials the Bot Framework
 * accepts unsigned requests and replies to any serviceUrl, so that mode is only safe on this
 * machine: it is refused in production and on any address other people can reach.
 */
export function listenMode(config: Config): { localMode: boolean; warning?: string } {
  if (config.teams) {
    if (!config.teams.appPassword && config.teams.appType !== 'UserAssignedMSI')
      throw new AppError('MicrosoftAppId is set but MicrosoftAppPassword is not. Set both (or MicrosoftAppType=UserAssignedMSI), or neither for local mode.', 'config');
    return { localMode: false };
  }
  if (config.server.production)
    throw new AppError('NODE_ENV is production but no Microsoft credentials are set (MicrosoftAppId, MicrosoftAppPassword). Refusing to start with authentication off.', 'config');
  if (!isLoopback(config.server.host))
    throw new AppError(`HOST is ${config.server.host} but no Microsoft credentials are set. Without them anyone who can reach this address could post as Teams, so local mode listens on 127.0.0.1 only.`, 'config');
  return { localMode: true, warning: 'Local mode: Bot Framework authentication is OFF. Listening on this machine only, for the Bot Framework Emulator and tests.' };
}
