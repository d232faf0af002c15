import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../core/protocol/domain.js';
import { TasksReply } from '../../../core/protocol/tasks.js';
import { agentIdOf } from '../../plugins/auth.js';

/** /v1/agents/me/*: what a signed-in agent reads about its own work. */
const agentTasks: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/agents/me/tasks',
    {
      onRequest: app.requirePrincipal,
      preHandler: app.requireAgent,
      schema: {
        tags: ['agents'],
        security: [{ lifelineToken: [] }],
        description:
          "The agent's pending and open tasks (follow-ups it left, escalations assigned to it), soonest due first",
        response: { 200: TasksReply, 403: ErrorBody },
      },
    },
    async (request) => ({ tasks: await app.lifeline.followUps.forAgent(agentIdOf(request)) }),
  );
};

export default agentTasks;
