import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createAgent, createHelpRequest, createSupervisor, WsClient } from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster(2, { ANALYTICS_PUSH_SECONDS: '1' });
});
afterAll(() => cluster?.close());

describe('analytics kept live over the WebSocket', () => {
  it('tells floor-watching supervisors of changes made on any instance, at most once per interval', async () => {
    const [one, two] = cluster.instances as [Instance, Instance];
    const watchingSupervisor = await createSupervisor(one, cluster.config);
    const watching = watchingSupervisor.token;
    const agent = (await createAgent(one, cluster.config)).token;
    const socket = await WsClient.connect(two.wsUrl, watching, '&watch=floor');
    expect((await socket.next('hello')).role).toBe('agent');
    await createHelpRequest(one, cluster.config, { channel: 'text', text: 'my payout is late' });
    const first = await socket.next('analytics.changed', () => true, 3000);
    expect(Date.parse(first.at)).toBeGreaterThan(0);
    await createHelpRequest(one, cluster.config, { channel: 'text', text: 'still late' });
    await socket.expectNone('analytics.changed', 400);
    await socket.next('analytics.changed', () => true, 2000);
    await expect(WsClient.connect(two.wsUrl, agent, '&watch=floor')).rejects.toThrow('403');
    // Watching is not being on the floor: the supervisor's presence stays offline.
    const overview = await api(one, 'GET', '/v1/supervisor/overview', { token: watching });
    const me = overview.body.agents.find((a: { id: string }) => a.id === watchingSupervisor.id);
    expect(me.status).toBe('offline');
    // It only listens: a frame sent on it closes it.
    socket.send({ type: 'ping' });
    expect(await socket.closed).toEqual({ code: 4400, reason: 'LIFELINE_UNKNOWN_MESSAGE' });
  });
});
