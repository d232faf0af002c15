import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ConversationMessage,
  MessagesQuery,
  MessagesReply,
  PostMessageBody,
} from '../../../../core/protocol/conversations.js';
import { ErrorBody } from '../../../../core/protocol/domain.js';
import { IdParams } from '../../../../core/protocol/helpRequests.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 503: ErrorBody };
const WHO = "The request's own user (its access token), the agent offered or serving it, or a supervisor.";

/** /v1/help-requests/:id/messages: the request's conversation, the same one the `message` frame carries. */
const messages: FastifyPluginAsyncTypebox = async (app) => {
  const { conversations, config } = app.lifeline;
  const security = [{ lifelineToken: [] }];

  app.get(
    '/v1/help-requests/:id/messages',
    {
      onRequest: app.requirePrincipal,
      schema: {
        tags: ['conversations'],
        security,
        params: IdParams,
        querystring: MessagesQuery,
        description: `The conversation, oldest first: the latest page, or the one before \`before\`. ${WHO} The user never receives internal notes.`,
        response: { 200: MessagesReply, ...errors },
      },
    },
    async (request) => ({
      messages: await conversations.list(request.principal!, request.params.id, request.query),
    }),
  );

  app.post(
    '/v1/help-requests/:id/messages',
    {
      onRequest: app.requirePrincipal,
      config: { rateLimit: { max: config.limits.messagesPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['conversations'],
        security,
        params: IdParams,
        body: PostMessageBody,
        description: `Writes a line; every participant's sockets get it as a \`message\` frame. ${WHO} Only agents write internal notes (a user's is 403 LIFELINE_FORBIDDEN).`,
        response: { 201: ConversationMessage, ...errors, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const { body, internal = false } = request.body;
      const stored = await conversations.post(request.principal!, request.params.id, body, internal);
      return reply.code(201).send(stored);
    },
  );
};

export default messages;
