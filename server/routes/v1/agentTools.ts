import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { quickRepliesFor } from '../../quick-replies/catalogue.js';
import { ErrorBody } from '../../../core/protocol/domain.js';
import {
  ColleaguesReply,
  IncidentsReply,
  QuickRepliesQuery,
  QuickRepliesReply,
} from '../../../core/protocol/floor.js';
import { TasksReply } from '../../../core/protocol/tasks.js';
import { agentIdOf } from '../../plugins/auth.js';

/** What the agent console and supervisors read beside the queue, and an agent's own tasks. Agents only. */
const agentTools: FastifyPluginAsyncTypebox = async (app) => {
  const agentOnly = { onRequest: app.requirePrincipal, preHandler: app.requireAgent } as const;
  const documented = { tags: ['agents'], security: [{ lifelineToken: [] }] };

  app.get(
    '/v1/quick-replies',
    {
      ...agentOnly,
      schema: {
        ...documented,
        description:
          "The catalogue's canned first answers for a category, in the user's language (`lang`), each with a `gloss` in the console's language (`agentLang`) when that is another",
        querystring: QuickRepliesQuery,
        response: {
          200: QuickRepliesReply,
          403: ErrorBody,
        },
      },
    },
    async ({ query }) => ({
      category: query.category,
      ...quickRepliesFor(query.category, query.lang ?? 'en', query.agentLang),
    }),
  );

  app.get(
    '/v1/incidents',
    {
      ...agentOnly,
      schema: {
        ...documented,
        description:
          'Open incidents, from the system of record: many distinct users reporting the same harm within INCIDENT_WINDOW_MINUTES; each lists how many cases are linked to it',
        response: { 200: IncidentsReply, 403: ErrorBody },
      },
    },
    async () => ({ incidents: await app.lifeline.floor.incidents() }),
  );

  app.get(
    '/v1/agents/colleagues',
    {
      ...agentOnly,
      schema: {
        ...documented,
        description:
          'Every other agent and supervisor with their status and load, those who could consult now first: whom to consult or hand a call to',
        response: { 200: ColleaguesReply, 403: ErrorBody },
      },
    },
    async (request) => ({ agents: await app.lifeline.floor.colleagues(agentIdOf(request)) }),
  );

  app.get(
    '/v1/agents/me/tasks',
    {
      ...agentOnly,
      schema: {
        ...documented,
        description:
          "The agent's pending and open tasks (follow-ups it left, escalations assigned to it), soonest due first",
        response: { 200: TasksReply, 403: ErrorBody },
      },
    },
    async (request) => ({ tasks: await app.lifeline.followUps.forAgent(agentIdOf(request)) }),
  );
};

export default agentTools;
