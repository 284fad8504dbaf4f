import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';

/**
 * The Teams adapter, entered with an activity this server has already read and validated.
 * `CloudAdapter.process` would parse the request again, print each refusal's stack with
 * console.error and send the error's own message to the client; our route does those parts
 * itself (messages-route.ts), so it calls the protected `processActivity` directly: sign-in
 * checks, the turn and the invoke response are all the SDK's own.
 */
export class EdgeAdapter extends TeamsAdapter {
  /**
   * Authenticates and runs one turn.
   * @param authHeader the request's Authorization header, '' when absent.
   * @returns the invoke response (status and body) for invokes, undefined otherwise.
   * @throws the SDK's AuthenticationError (statusCode 401) for a bad or missing token.
   */
  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}
