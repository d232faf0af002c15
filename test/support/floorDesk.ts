import type { Config } from '../../server/config/load.js';
import { api, createAgent, createHelpRequest, WsClient, type Endpoint, type TestAgent } from './clients.js';

/** A domain error's code from an API reply, if it carries one. */
export const errorCode = (reply: { body: { error?: { code?: string } } }) => reply.body.error?.code;

/**
 * What the supervision and transfer suites do on one instance: agents with every skill they
 * route on, calls accepted by an agent's socket, the floor's view of an agent, a session's audit.
 */
export function floorDesk(app: Endpoint, config: Config) {
  const skills = ['account_security', 'payment', 'technical'];
  return {
    agent: (name: string, maxSessions = 1) =>
      createAgent(app, config, { name, languages: ['en'], skills, maxSessions }),

    /** A call from a new user, accepted by `by`: the session and both sockets. */
    async servedCall(by: WsClient, text = 'my stream keeps freezing') {
      const request = await createHelpRequest(app, config, { text });
      const user = await WsClient.connect(app.wsUrl, request.accessToken);
      by.send({ type: 'offer.accept', offerId: (await by.next('offer')).offerId });
      const ready = await by.next('session.ready');
      await user.next('session.ready');
      // From here on, whatever the user is sent is about the session, not the wait before it.
      user.frames.splice(0);
      return { request, user, ready };
    },

    presence: async (token: string, id: string) =>
      (await api(app, 'GET', '/v1/supervisor/overview', { token })).body.agents.find(
        (a: { id: string }) => a.id === id,
      ) as { load: number; status: string },

    /** The session's audited actions, oldest first. */
    async auditOf(supervisor: TestAgent, sessionId: string): Promise<string[]> {
      const reply = await api(app, 'GET', `/v1/supervisor/audit?sessionId=${sessionId}`, {
        token: supervisor.token,
      });
      return (reply.body.entries as { action: string }[]).map((e) => e.action).reverse();
    },
  };
}
