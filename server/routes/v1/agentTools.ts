import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LifelineError } from '../../errors/LifelineError.js';
import { primaryLanguage } from '../../routing/core/eligibility.js';
import { DEFAULT_QUICK_REPLIES } from '../../quick-replies/catalogue.js';
import { Category, ErrorBody } from '../../schemas/domain.js';

const QuickReply = Type.Object({ id: Type.String(), title: Type.String(), text: Type.String() });
const Incident = Type.Object({
  keyword: Type.String(),
  users: Type.Integer(),
  since: Type.String({ format: 'date-time' }),
});

/** What the agent console and supervisors read beside the queue. Agents only. */
const agentTools: FastifyPluginAsyncTypebox = async (app) => {
  const agentsOnly = async (request: { principal?: { kind: string } }) => {
    if (request.principal?.kind !== 'agent') throw new LifelineError('LIFELINE_FORBIDDEN', 'Agents only');
  };

  app.get(
    '/v1/quick-replies',
    {
      onRequest: app.requirePrincipal,
      preHandler: agentsOnly,
      schema: {
        tags: ['agents'],
        security: [{ lifelineToken: [] }],
        querystring: Type.Object({ category: Category, lang: Type.Optional(Type.String({ maxLength: 35 })) }),
        response: {
          200: Type.Object({ category: Category, lang: Type.String(), replies: Type.Array(QuickReply) }),
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
      preHandler: agentsOnly,
      schema: {
        tags: ['agents'],
        security: [{ lifelineToken: [] }],
        description:
          'Open incidents: many distinct users reporting the same harm within INCIDENT_WINDOW_MINUTES',
        response: { 200: Type.Object({ incidents: Type.Array(Incident) }), 403: ErrorBody },
      },
    },
    async () => {
      const open = await app.lifeline.incidents.open(app.lifeline.now());
      return { incidents: open.map((i) => ({ ...i, since: new Date(i.since).toISOString() })) };
    },
  );
};

export default agentTools;
