import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../../../core/protocol/domain.js';
import { HistoryReply, RatingBody } from '../../../../core/protocol/floor.js';
import { IdParams } from '../../../../core/protocol/helpRequests.js';
import { agentIdOf } from '../../../plugins/auth.js';

/** /v1/help-requests/:id/history and /rating: the user's past for the agent, and their rating. */
const history: FastifyPluginAsyncTypebox = async (app) => {
  const security = [{ lifelineToken: [] }];

  app.get(
    '/v1/help-requests/:id/history',
    {
      onRequest: app.requirePrincipal,
      preHandler: app.requireAgent,
      schema: {
        tags: ['agents'],
        security,
        params: IdParams,
        description: "The user's earlier requests with outcomes, for the agent offered or serving this one",
        response: { 200: HistoryReply, 403: ErrorBody },
      },
    },
    async (request) => ({
      requests: await app.lifeline.history.forAgent(agentIdOf(request), request.params.id),
    }),
  );

  app.post(
    '/v1/help-requests/:id/rating',
    {
      onRequest: app.requirePrincipal,
      schema: {
        tags: ['help-requests'],
        security,
        params: IdParams,
        body: RatingBody,
        response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      await app.lifeline.history.rate(request.principal!, request.params.id, request.body.stars);
      return reply.code(204).send(null);
    },
  );
};

export default history;
