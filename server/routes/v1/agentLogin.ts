import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LifelineError } from '../../../core/errors/LifelineError.js';
import { LoginBody, LoginReply } from '../../../core/protocol/agents.js';
import { ErrorBody } from '../../../core/protocol/domain.js';

const agentLogin: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/agents/login',
    {
      config: { rateLimit: { max: app.lifeline.config.limits.loginPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['agents'],
        body: LoginBody,
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
