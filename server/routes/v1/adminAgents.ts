import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreateAgentBody, CreatedId } from '../../../core/protocol/agents.js';
import { ErrorBody } from '../../../core/protocol/domain.js';

const adminAgents: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/admin/agents',
    {
      onRequest: app.requireAdmin,
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        body: CreateAgentBody,
        response: { 201: CreatedId, 401: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const { maxSessions = 1, role = 'agent', ...rest } = request.body;
      const agent = await app.lifeline.agents.create({ ...rest, maxSessions, role }, app.lifeline.now());
      return reply.code(201).send({ id: agent.id });
    },
  );
};

export default adminAgents;
