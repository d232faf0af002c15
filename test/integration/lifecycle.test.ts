import { describe, expect, it } from 'vitest';
import { agentOnline, api, createAgent, createHelpRequest, WsClient } from '../support/clients.js';
import { startInstance, testConfig } from '../support/cluster.js';

describe('lifecycle', () => {
  it('on close tells sockets to reconnect elsewhere (4503), takes its agents offline and keeps waiting requests', async () => {
    const config = testConfig();
    const leaving = await startInstance(config);
    const staying = await startInstance(config);
    try {
      const agent = await createAgent(leaving, config, { languages: ['ro'] });
      const agentSocket = await agentOnline(leaving, agent);
      const request = await createHelpRequest(leaving, config, { language: 'he' });
      const userSocket = await WsClient.connect(leaving.wsUrl, request.accessToken);
      await userSocket.next('queue.update');

      await leaving.app.close();
      expect(await agentSocket.closed).toEqual({ code: 4503, reason: 'LIFELINE_SHUTTING_DOWN' });
      expect(await userSocket.closed).toEqual({ code: 4503, reason: 'LIFELINE_SHUTTING_DOWN' });
      expect((await staying.app.lifeline.stores.presenceStore.getPresence(agent.id)).status).toBe('offline');
      const read = await api(staying, 'GET', `/v1/help-requests/${request.id}`, {
        token: request.accessToken,
      });
      expect(read.body).toMatchObject({ state: 'queued', position: 1 });
      const back = await WsClient.connect(staying.wsUrl, request.accessToken);
      expect((await back.next('queue.update')).position).toBe(1);
      back.close();
    } finally {
      await staying.app.close();
      await leaving.app.close();
    }
  });

  it('serves its OpenAPI document with every REST route (the WebSocket is in docs/protocol.md)', async () => {
    const instance = await startInstance(testConfig());
    try {
      const spec = (await api(instance, 'GET', '/docs/json')).body;
      for (const path of [
        '/healthz',
        '/readyz',
        '/metrics',
        '/v1/admin/agents',
        '/v1/agents/login',
        '/v1/help-requests',
        '/v1/help-requests/{id}',
        '/v1/livekit/webhook',
        '/v1/admin/routing-policy',
        '/v1/admin/routing-policy/history',
        '/v1/help-requests/{id}/callback',
        '/v1/help-requests/{id}/incident-answer',
        '/v1/help-requests/{id}/suggestions',
        '/v1/quick-replies',
        '/v1/supervisor/incidents/{id}/status',
        '/v1/supervisor/incidents/{id}/resolve',
        '/v1/kb/search',
        '/v1/admin/kb/articles',
        '/v1/admin/kb/articles/{id}',
      ])
        expect(Object.keys(spec.paths)).toContain(path);
      const quickReplies = spec.paths['/v1/quick-replies'].get;
      expect(quickReplies.parameters.map((p: { name: string }) => p.name)).toContain('agentLang');
      expect(
        quickReplies.responses['200'].content['application/json'].schema.properties.replies.items.properties,
      ).toHaveProperty('gloss');
      expect(
        spec.paths['/v1/help-requests'].post.requestBody.content['application/json'].schema.properties,
      ).not.toHaveProperty('tier');
    } finally {
      await instance.app.close();
    }
  });
});
