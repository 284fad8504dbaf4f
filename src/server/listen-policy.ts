import type { Config } from '../config.js';
import { AppError } from '../core/errors.js';
import { isLoopbackHost } from './loopback.js';

/** How the Teams endpoint runs: checked by Bot Framework tokens, local with checks off, or not at all. */
export type TeamsMode = 'authenticated' | 'local' | 'off';

/**
 * Decides what may be served as configured. Without Microsoft credentials the Bot Framework
 * accepts unsigned requests and replies to any serviceUrl, so that mode is only safe on this
 * machine: in production or on an address others can reach, the Teams endpoint is left off when
 * Slack (which verifies its own signatures) is configured, and start-up is refused otherwise.
 */
export function listenMode(config: Config): { teams: TeamsMode; warning?: string } {
  if (config.teams) {
    if (!config.teams.appPassword && config.teams.appType !== 'UserAssignedMSI')
      throw new AppError('MicrosoftAppId is set but MicrosoftAppPassword is not. Set both (or MicrosoftAppType=UserAssignedMSI), or neither for local mode.', 'config');
    // The SDK's own error for this is a bare "Unexpected error" at start-up; name the setting instead.
    if (config.teams.appType === 'SingleTenant' && !config.teams.tenantId)
      throw new AppError('MicrosoftAppTenantId is not set, but MicrosoftAppType is SingleTenant (the default). Set it to your Entra tenant id (Azure Bot > Configuration), or set MicrosoftAppType=MultiTenant.', 'config');
    return { teams: 'authenticated' };
  }
  const exposed = config.server.production || !isLoopbackHost(config.server.host);
  if (exposed && config.slack) return { teams: 'off', warning: 'Teams is off: no Microsoft credentials are set, and without them the Teams endpoint is only served locally.' };
  if (config.server.production)
    throw new AppError('NODE_ENV is production but no Microsoft credentials are set (MicrosoftAppId, MicrosoftAppPassword). Refusing to start with authentication off.', 'config');
  if (!isLoopbackHost(config.server.host))
    throw new AppError(`HOST is ${config.server.host} but no Microsoft credentials are set. Without them anyone who can reach this address could post as Teams, so local mode listens on 127.0.0.1 only.`, 'config');
  return { teams: 'local', warning: 'Local mode: Bot Framework authentication is OFF. Listening on this machine only, for the Agents Playground (npm run playground), the Bot Framework Emulator and tests.' };
}
