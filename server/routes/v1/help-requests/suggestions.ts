import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../../core/protocol/domain.js';
import { IdParams } from '../../../../core/protocol/helpRequests.js';
import { KbSuggestions, SuggestionsQuery } from '../../../../core/protocol/kb.js';

/** /v1/help-requests/:id/suggestions: articles and replies the console suggests for a live case. */
const suggestions: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/help-requests/:id/suggestions',
    {
      onRequest: app.requirePrincipal,
      preHandler: app.requireAgent,
      schema: {
        tags: ['agents'],
        security: [{ lifelineToken: [] }],
        params: IdParams,
        querystring: SuggestionsQuery,
        description:
          "Knowledge-base articles matching what the user said (the request and their latest lines), in the user's language, and the catalogue's replies for the case's category, for the agent to edit before sending. For the agent offered or serving the case, or a supervisor; 403 LIFELINE_FORBIDDEN for anyone else.",
        response: { 200: KbSuggestions, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) =>
      app.lifeline.suggestions.forCase(request.principal!, request.params.id, request.query.agentLang),
  );
};

export default suggestions;
