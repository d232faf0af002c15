import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../../core/protocol/domain.js';
import { WrapUpBody } from '../../../core/protocol/floor.js';
import { IdParams } from '../../../core/protocol/helpRequests.js';
import { agentIdOf } from '../../plugins/auth.js';

/** /v1/sessions/:id/*: what the serving agent records about a session. */
const sessions: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/sessions/:id/wrap-up',
    {
      onRequest: app.requirePrincipal,
      preHandler: app.requireAgent,
      schema: {
        tags: ['agents'],
        security: [{ lifelineToken: [] }],
        params: IdParams,
        body: WrapUpBody,
        response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      await app.lifeline.sessions.wrapUp(agentIdOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
};

export default sessions;
