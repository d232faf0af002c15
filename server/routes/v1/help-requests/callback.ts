import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CallbackReply } from '../../../../core/protocol/callbacks.js';
import { ErrorBody } from '../../../../core/protocol/domain.js';
import { IdParams } from '../../../../core/protocol/helpRequests.js';

const schema = (description: string) => ({
  tags: ['help-requests'],
  security: [{ lifelineToken: [] }],
  params: IdParams,
  description,
  response: {
    200: CallbackReply,
    401: ErrorBody,
    403: ErrorBody,
    404: ErrorBody,
    409: ErrorBody,
    503: ErrorBody,
  },
});

/** /v1/help-requests/:id/callback: "call me back", chosen or withdrawn by the request's own user. */
const callback: FastifyPluginAsyncTypebox = async (app) => {
  const { callbacks } = app.lifeline;

  app.post(
    '/v1/help-requests/:id/callback',
    {
      onRequest: app.requirePrincipal,
      schema: schema(
        'The waiting user will be called back: they keep their place without a socket. Idempotent. 409 LIFELINE_REQUEST_CLOSED once the request is no longer waiting; 403 for anyone but its own user.',
      ),
    },
    async (request) => callbacks.choose(request.principal!, request.params.id),
  );

  app.delete(
    '/v1/help-requests/:id/callback',
    {
      onRequest: app.requirePrincipal,
      schema: schema(
        'The user waits in the widget again instead: a live call needs its socket once more. Idempotent; 409 once the request is no longer waiting.',
      ),
    },
    async (request) => callbacks.withdraw(request.principal!, request.params.id),
  );
};

export default callback;
