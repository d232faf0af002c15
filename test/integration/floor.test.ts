import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agentOnline,
  api,
  createAgent,
  createHelpRequest,
  createSupervisor,
  WsClient,
} from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';

let cluster: Cluster;
let app: Instance;

beforeAll(async () => {
  cluster = await startCluster(1, { SERVICE_LEVEL_TARGET_SECONDS: '30' });
  app = cluster.instances[0]!;
});
afterAll(() => cluster.close());

describe('the floor', () => {
  it('shows agents the queue, supervisors the floor with ASA, service level and a silent listen-in', async () => {
    const supervisor = (await createSupervisor(app, cluster.config)).token;
    const agent = await createAgent(app, cluster.config, {
      name: 'Floor Agent',
      languages: ['en'],
      skills: ['account_security'],
    });
    const waiting = await createHelpRequest(app, cluster.config, {
      channel: 'text',
      language: 'en',
      text: 'someone hacked my account right now',
    });
    const queue = await api(app, 'GET', '/v1/queue', { token: agent.token });
    expect(queue.body.requests[0]).toMatchObject({
      id: waiting.id,
      urgency: { level: 'critical' },
      position: 1,
    });
    expect((await api(app, 'GET', '/v1/queue', { token: waiting.accessToken })).status).toBe(403);

    const socket = await agentOnline(app, agent);
    const user = await WsClient.connect(app.wsUrl, waiting.accessToken);
    socket.send({ type: 'offer.accept', offerId: (await socket.next('offer')).offerId });
    const ready = await socket.next('session.ready');
    await user.next('session.ready');

    const overview = (await api(app, 'GET', '/v1/supervisor/overview', { token: supervisor })).body;
    expect(overview.agents).toContainEqual(
      expect.objectContaining({ id: agent.id, status: 'available', load: 1 }),
    );
    expect(overview.metrics).toMatchObject({ answered: 1, serviceLevel: 1, serviceLevelTargetSeconds: 30 });
    expect(overview.metrics.asaSeconds).toBeGreaterThanOrEqual(0);
    expect(overview.sessions).toContainEqual(
      expect.objectContaining({ sessionId: ready.sessionId, agentId: agent.id }),
    );
    expect((await api(app, 'GET', '/v1/supervisor/overview', { token: agent.token })).status).toBe(403);

    // A text conversation has no call to listen to until its agent starts one.
    const listenTo = () =>
      api(app, 'POST', `/v1/supervisor/sessions/${ready.sessionId}/monitor`, {
        token: supervisor,
        body: { mode: 'listen' },
      });
    expect(await listenTo()).toMatchObject({
      status: 409,
      body: { error: { code: 'LIFELINE_NO_LIVE_CALL' } },
    });
    const call = await api(app, 'POST', `/v1/sessions/${ready.sessionId}/call`, {
      token: agent.token,
      body: { media: 'audio' },
    });
    expect(call.status).toBe(204);
    const room = `lifeline-${ready.sessionId}`;
    const listen = await listenTo();
    expect(listen.body.room).toBe(room);
    const grant = (decodeJwt(listen.body.token) as { video: Record<string, unknown> }).video;
    expect(grant).toMatchObject({
      room,
      roomJoin: true,
      canPublish: false,
      canPublishData: false,
      canSubscribe: true,
      hidden: true,
    });
    expect(
      (
        await api(app, 'POST', `/v1/supervisor/sessions/${ready.sessionId}/monitor`, {
          token: agent.token,
          body: { mode: 'listen' },
        })
      ).status,
    ).toBe(403);

    socket.send({ type: 'session.end', sessionId: ready.sessionId });
    await socket.next('session.ended');
    const wrapUp = await api(app, 'POST', `/v1/sessions/${ready.sessionId}/wrap-up`, {
      token: agent.token,
      body: { outcome: 'resolved', note: 'reset password' },
    });
    expect(wrapUp.status).toBe(204);
    // Only the serving agent may wrap a session up, and only with one of the known outcomes.
    const other = await createAgent(app, cluster.config);
    expect(
      (
        await api(app, 'POST', `/v1/sessions/${ready.sessionId}/wrap-up`, {
          token: other.token,
          body: { outcome: 'resolved' },
        })
      ).status,
    ).toBe(403);
    const unknown = await api(app, 'POST', `/v1/sessions/${ready.sessionId}/wrap-up`, {
      token: agent.token,
      body: { outcome: 'x' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('LIFELINE_VALIDATION');
    expect(
      (
        await api(app, 'POST', `/v1/help-requests/${waiting.id}/rating`, {
          token: waiting.accessToken,
          body: { stars: 5 },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await api(app, 'POST', `/v1/help-requests/${waiting.id}/rating`, {
          token: waiting.accessToken,
          body: { stars: 9 },
        })
      ).status,
    ).toBe(400);
    const after = (await api(app, 'GET', '/v1/supervisor/overview', { token: supervisor })).body;
    expect(after.metrics.ahtSeconds).toBeGreaterThan(0);
    expect(after.sessions).toHaveLength(0);
    socket.close();
    user.close();
  });

  it('shows the agent the user’s earlier requests with their outcomes, and nobody else', async () => {
    const user = { sub: 'history-user' };
    const agent = await createAgent(app, cluster.config, { languages: ['hr'], skills: ['payment'] });
    const socket = await agentOnline(app, agent);
    const first = await createHelpRequest(
      app,
      cluster.config,
      { channel: 'text', language: 'hr', text: 'I was charged twice' },
      user,
    );
    socket.send({ type: 'offer.accept', offerId: (await socket.next('offer')).offerId });
    const ready = await socket.next('session.ready');
    socket.send({ type: 'session.end', sessionId: ready.sessionId, outcome: 'resolved' });
    await socket.next('session.ended');

    const second = await createHelpRequest(
      app,
      cluster.config,
      { channel: 'text', language: 'hr', text: 'charged twice again' },
      user,
    );
    expect((await socket.next('offer')).request.id).toBe(second.id);
    const history = await api(app, 'GET', `/v1/help-requests/${second.id}/history`, { token: agent.token });
    expect(history.body.requests).toEqual([
      expect.objectContaining({ id: first.id, category: 'payment', state: 'ended', outcome: 'resolved' }),
    ]);
    const bystander = await createAgent(app, cluster.config);
    expect(
      (await api(app, 'GET', `/v1/help-requests/${second.id}/history`, { token: bystander.token })).status,
    ).toBe(403);
    expect(
      (await api(app, 'GET', `/v1/help-requests/${second.id}/history`, { token: second.accessToken })).status,
    ).toBe(403);
    socket.close();
  });

  it('lists the queue with estimated waits that never shrink with the place, and counts every waiting request', async () => {
    const supervisor = (await createSupervisor(app, cluster.config)).token;
    const agent = await createAgent(app, cluster.config);
    const before = (await api(app, 'GET', '/v1/supervisor/overview', { token: supervisor })).body.waiting
      .total;
    for (let i = 0; i < 3; i += 1)
      await createHelpRequest(app, cluster.config, { channel: 'text', language: 'fi', text: `kysymys ${i}` });
    const queue = (await api(app, 'GET', '/v1/queue', { token: agent.token })).body.requests as {
      position: number;
      etaSeconds: number;
    }[];
    expect(queue.map((r) => r.position)).toEqual(queue.map((_, i) => i + 1));
    expect(queue.every((r) => r.etaSeconds > 0)).toBe(true);
    for (let i = 1; i < queue.length; i += 1)
      expect(queue[i]!.etaSeconds).toBeGreaterThanOrEqual(queue[i - 1]!.etaSeconds);
    const waiting = (await api(app, 'GET', '/v1/supervisor/overview', { token: supervisor })).body.waiting;
    expect(waiting.total).toBe(before + 3);
    expect(waiting.total).toBe(queue.length);
    expect(waiting.sampled).toBe(waiting.total);
  });
});
