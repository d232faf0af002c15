import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../../core/protocol/domain.js';
import {
  AssistantAnswerBody,
  AssistantAnswerReply,
  IdParams,
} from '../../../../core/protocol/helpRequests.js';

/** /v1/help-requests/:id/assistant: the user's answer to the assistant, by the request's own user. */
const assistant: FastifyPluginAsyncTypebox = async (app) => {
  const { assistant } = app.lifeline;

  app.post(
    '/v1/help-requests/:id/assistant',
    {
      onRequest: app.requirePrincipal,
      config: { rateLimit: { max: app.lifeline.config.limits.messagesPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['help-requests'],
        security: [{ lifelineToken: [] }],
        params: IdParams,
        body: AssistantAnswerBody,
        description:
          '`solved` closes the case as self-served; `human` hands it to a person at once; `not_helped` gets other articles, and a second one hands it to a person. ' +
          'Once the assistant no longer holds the case the answer changes nothing and the reply says where the case stands (so a repeated tap is harmless). 403 for anyone but its own user.',
        response: {
          200: AssistantAnswerReply,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
          429: ErrorBody,
          503: ErrorBody,
        },
      },
    },
    async (request) => assistant.answer(request.principal!, request.params.id, request.body.answer),
  );
};

export default assistant;
