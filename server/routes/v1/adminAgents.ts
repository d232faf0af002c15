import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Category, ErrorBody, LanguageTag } from '../../schemas/domain.js';

const CreateAgentBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Type.String({ minLength: 1, maxLength: 128 }),
    password: Type.String({ minLength: 8, maxLength: 256 }),
    languages: Type.Array(LanguageTag, { minItems: 1, maxItems: 20, uniqueItems: true }),
    skills: Type.Array(Category, { maxItems: 20, uniqueItems: true }),
    maxSessions: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 1 })),
    role: Type.Optional(
      Type.Union([Type.Literal('agent'), Type.Literal('supervisor')], { default: 'agent' }),
    ),
  },
  { additionalProperties: false },
);

const adminAgents: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/admin/agents',
    {
      onRequest: app.requireAdmin,
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        body: CreateAgentBody,
        response: { 201: Type.Object({ id: Type.String() }), 401: ErrorBody, 409: ErrorBody },
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
