import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CustomerReply } from '../../../../core/protocol/crm.js';
import { ErrorBody } from '../../../../core/protocol/domain.js';
import { IdParams } from '../../../../core/protocol/helpRequests.js';
import { agentIdOf } from '../../../plugins/auth.js';

/** /v1/help-requests/:id/customer: the user behind a request, as the agent's console shows them. */
const customer: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/help-requests/:id/customer',
    {
      onRequest: app.requirePrincipal,
      preHandler: app.requireAgent,
      schema: {
        tags: ['agents'],
        security: [{ lifelineToken: [] }],
        params: IdParams,
        description:
          "The user behind this request: their profile and their latest cases on every channel, newest first, each with its calls (agent, outcome, note, rating) and its conversation, internal notes included. For the agent offered or serving the request, or a supervisor (also once the case is closed); anyone else, a request's own user included, gets 403 LIFELINE_FORBIDDEN.",
        response: { 200: CustomerReply, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 503: ErrorBody },
      },
    },
    async (request) => app.lifeline.customers.forAgent(agentIdOf(request), request.params.id),
  );
};

export default customer;
