import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../core/protocol/domain.js';
import { QueueReply } from '../../../core/protocol/floor.js';

/** GET /v1/queue: the most urgent waiting requests with their places and estimated waits. */
const queue: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/queue',
    {
      onRequest: app.requirePrincipal,
      preHandler: app.requireAgent,
      schema: {
        tags: ['agents'],
        security: [{ lifelineToken: [] }],
        response: { 200: QueueReply, 403: ErrorBody },
      },
    },
    async () => app.lifeline.floor.queue(),
  );
};

export default queue;
