import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentOnline, api, createSupervisor } from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';
import { errorCode, floorDesk } from '../support/floorDesk.js';

let cluster: Cluster;
let app: Instance;
let desk: ReturnType<typeof floorDesk>;
const TTL_SECONDS = 300;

beforeAll(async () => {
  cluster = await startCluster(1, { LIVEKIT_TOKEN_TTL_SECONDS: String(TTL_SECONDS) });
  app = cluster.instances[0]!;
  desk = floorDesk(app, cluster.config);
});
afterAll(() => cluster.close());

const videoGrant = (token: string) => (decodeJwt(token) as { video: Record<string, unknown> }).video;

describe('supervisors on a live call', () => {
  it('grants listen, coach and barge no wider than each needs, audits each, and refuses ended sessions', async () => {
    const supervisor = await createSupervisor(app, cluster.config);
    const lin = await desk.agent('Lin');
    const socket = await agentOnline(app, lin);
    const { ready, user } = await desk.servedCall(socket);
    const monitor = (mode: string, token = supervisor.token) =>
      api(app, 'POST', `/v1/supervisor/sessions/${ready.sessionId}/monitor`, { token, body: { mode } });

    expect((await monitor('listen', lin.token)).status).toBe(403);
    expect(await monitor('shout')).toMatchObject({
      status: 400,
      body: { error: { code: 'LIFELINE_VALIDATION' } },
    });

    const listen = await monitor('listen');
    expect(listen.status).toBe(200);
    expect(listen.body).toMatchObject({ mode: 'listen', identity: `supervisor-${supervisor.id}` });
    expect(videoGrant(listen.body.token)).toEqual({
      room: ready.room,
      roomJoin: true,
      canPublish: false,
      canPublishData: false,
      canSubscribe: true,
      hidden: true,
    });
    const claims = decodeJwt(listen.body.token);
    expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(TTL_SECONDS);

    for (const mode of ['coach', 'barge']) {
      const grant = await monitor(mode);
      expect(grant.body).toMatchObject({ mode, agentIdentity: `agent-${lin.id}` });
      // The microphone only: no camera, no screen, no data channel, and visible to the agent.
      expect(videoGrant(grant.body.token)).toEqual({
        room: ready.room,
        roomJoin: true,
        canPublish: true,
        canPublishData: false,
        canPublishSources: ['microphone'],
        canSubscribe: true,
      });
    }
    const leave = () =>
      api(app, 'DELETE', `/v1/supervisor/sessions/${ready.sessionId}/monitor`, { token: supervisor.token });
    expect((await leave()).status).toBe(204);

    socket.send({ type: 'session.end', sessionId: ready.sessionId });
    await user.next('session.ended');
    expect(errorCode(await monitor('coach'))).toBe('LIFELINE_SESSION_GONE');
    expect((await monitor('barge')).status).toBe(409);
    expect(errorCode(await leave())).toBe('LIFELINE_SESSION_GONE');

    await expect
      .poll(() => desk.auditOf(supervisor, ready.sessionId))
      .toEqual(['listen', 'coach', 'barge', 'monitor_end']);
    const [latest] = (await api(app, 'GET', '/v1/supervisor/audit', { token: supervisor.token })).body
      .entries;
    expect(latest).toMatchObject({
      actorId: supervisor.id,
      sessionId: ready.sessionId,
      caseId: ready.requestId,
    });
    expect((await api(app, 'GET', '/v1/supervisor/audit', { token: lin.token })).status).toBe(403);
    socket.close();
    user.close();
  });
});
