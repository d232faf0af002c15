import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { LifelineError } from '../../../core/errors/LifelineError.js';
import { LoginBody, LoginReply } from '../../../core/protocol/agents.js';
import { ErrorBody } from '../../../core/protocol/domain.js';

/** Login is counted by address here and by account in LoginGuard; nothing a caller claims counts. */
const byAddress = (request: FastifyRequest) => `ip:${request.ip}`;

const agentLogin: FastifyPluginAsyncTypebox = async (app) => {
  const { agents, loginGuard, tokens, config } = app.lifeline;

  app.post(
    '/v1/agents/login',
    {
      config: {
        rateLimit: { max: config.limits.loginPerMinute, timeWindow: 60_000, keyGenerator: byAddress },
      },
      schema: {
        tags: ['agents'],
        description:
          'Per client address RATE_LIMIT_LOGIN_PER_MINUTE; per account, LOGIN_FAILURES_BEFORE_LOCK failures lock it (429 with Retry-After)',
        body: LoginBody,
        response: { 200: LoginReply, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => {
      const { email, password } = request.body;
      const agent = await loginGuard.attempt(email, () => agents.authenticate(email, password));
      if (!agent) throw new LifelineError('LIFELINE_UNAUTHENTICATED', 'Wrong email or password');
      const { id, role, name, languages, skills, maxSessions } = agent;
      return {
        token: await tokens.signAgent(id),
        agent: { id, role, name, languages, skills, maxSessions },
      };
    },
  );
};

export default agentLogin;
