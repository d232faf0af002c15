import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LifelineError } from '../../errors/LifelineError.js';
import { ErrorBody } from '../../schemas/domain.js';

const LoginReply = Type.Object({
  token: Type.String({ description: 'Agent bearer token for REST and /v1/ws' }),
  agent: Type.Object({
    id: Type.String(),
    role: Type.String(),
    name: Type.String(),
    languages: Type.Array(Type.String()),
    skills: Type.Array(Type.String()),
  }),
});

const agentLogin: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/agents/login',
    {
      config: { rateLimit: { max: app.lifeline.config.limits.loginPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['agents'],
        body: Type.Object(
          { email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 256 }) },
          { additionalProperties: false },
        ),
        response: { 200: LoginReply, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => {
      const agent = await app.lifeline.agents.authenticate(request.body.email, request.body.password);
      if (!agent) throw new LifelineError('LIFELINE_UNAUTHENTICATED', 'Wrong email or password');
      const { id, role, name, languages, skills } = agent;
      return { token: await app.lifeline.tokens.signAgent(id), agent: { id, role, name, languages, skills } };
    },
  );
};

export default agentLogin;
