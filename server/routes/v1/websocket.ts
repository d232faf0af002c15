import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Connection } from '../../ws/Connection.js';
import { FloorWatchers } from '../../ws/FloorWatchers.js';

/**
 * The one WebSocket. The token is checked in preValidation, before the upgrade: a bad token, or
 * an agent token whose agent is gone, gets an HTTP 401 with a code and never becomes a socket.
 */
const websocket: FastifyPluginAsyncTypebox = async (app) => {
  const connections = new Set<Connection>();
  const { sockets, bus, config } = app.lifeline;
  const floorWatchers = new FloorWatchers(config.analytics.pushEveryMs, (socket, frame) =>
    sockets.send(socket, frame),
  );
  const stopHearing = bus.on((event) => floorWatchers.heard(event));
  app.lifeline.liveness.onResync(async () => {
    for (const connection of connections) connection.resync();
  });

  app.get(
    '/v1/ws',
    {
      websocket: true,
      schema: {
        tags: ['realtime'],
        description: 'WebSocket upgrade; protocol in docs/protocol.md',
        querystring: Type.Object({
          token: Type.String({ minLength: 1, maxLength: 4096 }),
          watch: Type.Optional(
            Type.Literal('floor', {
              description: 'Supervisors: a socket that only hears analytics.changed (no presence, no offers)',
            }),
          ),
        }),
      },
      preValidation: async (request, reply) => {
        request.principal = await app.verifyPrincipal(request.query.token);
        if (request.query.watch === 'floor') await app.requireSupervisor(request, reply);
      },
    },
    (socket, request) => {
      if (request.query.watch === 'floor' && request.principal?.kind === 'agent')
        return floorWatchers.add(socket, request.principal.agentId);
      const connection = new Connection(app.lifeline, socket, request.principal!, request.log);
      connections.add(connection);
      socket.once('close', () => connections.delete(connection));
    },
  );

  // Clients are told this instance is going away, so they reconnect elsewhere; presence is
  // cleaned up while Redis is still open.
  app.addHook('preClose', async () => {
    stopHearing();
    floorWatchers.closeAll();
    await Promise.all(
      [...connections].map((connection) => {
        connection.close('LIFELINE_SHUTTING_DOWN');
        return connection.detach();
      }),
    );
  });
};

export default websocket;
