import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { primaryLanguage } from '../../../core/routing/eligibility.js';
import { DEFAULT_QUICK_REPLIES } from '../../quick-replies/catalogue.js';
import { ErrorBody } from '../../../core/protocol/domain.js';
import { IncidentsReply, QuickRepliesQuery, QuickRepliesReply } from '../../../core/protocol/floor.js';

/** What the agent console and supervisors read beside the queue. Agents only. */
const agentTools: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/quick-replies',
    {
      onRequest: app.requirePrincipal,
      preHandler: app.requireAgent,
      schema: {
        tags: ['agents'],
        security: [{ lifelineToken: [] }],
        querystring: QuickRepliesQuery,
        response: {
          200: QuickRepliesReply,
          403: ErrorBody,
        },
      },
    },
    async (request) => {
      const lang = primaryLanguage(request.query.lang ?? 'en') === 'zh' ? 'zh' : 'en';
      return {
        category: request.query.category,
        lang,
        replies: DEFAULT_QUICK_REPLIES[request.query.category][lang],
      };
    },
  );

  app.get(
    '/v1/incidents',
    {
      onRequest: app.requirePrincipal,
      preHandler: app.requireAgent,
      schema: {
        tags: ['agents'],
        security: [{ lifelineToken: [] }],
        description:
          'Open incidents, from the system of record: many distinct users reporting the same harm within INCIDENT_WINDOW_MINUTES; each lists how many cases are linked to it',
        response: { 200: IncidentsReply, 403: ErrorBody },
      },
    },
    async () => ({ incidents: await app.lifeline.floor.incidents() }),
  );
};

export default agentTools;
