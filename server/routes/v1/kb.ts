import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { LifelineError } from '../../../core/errors/LifelineError.js';
import { ErrorBody } from '../../../core/protocol/domain.js';
import { IdParams } from '../../../core/protocol/helpRequests.js';
import { KbArticle, KbSearchQuery, KbSearchReply } from '../../../core/protocol/kb.js';

/** Public and unauthenticated, so limited by the connection's address, never by anything it claims. */
const byAddress = (request: FastifyRequest) => `kb:${request.ip}`;

/** /v1/kb/*: the public side of the knowledge base: search, and reading a published article. */
const kb: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app.lifeline;
  const rateLimit = { max: config.limits.kbSearchPerMinute, timeWindow: 60_000, keyGenerator: byAddress };

  app.get(
    '/v1/kb/search',
    {
      config: { rateLimit },
      schema: {
        tags: ['knowledge base'],
        description:
          'Published articles matching a question, best first, in its language when `lang` is given',
        querystring: KbSearchQuery,
        response: { 200: KbSearchReply, 400: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => {
      const { q, lang, limit = 5 } = request.query;
      return { results: await app.lifeline.kb.search(q, { language: lang, limit }) };
    },
  );

  app.get(
    '/v1/kb/articles/:id',
    {
      config: { rateLimit },
      schema: {
        tags: ['knowledge base'],
        params: IdParams,
        response: { 200: KbArticle, 404: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => {
      const article = await app.lifeline.kb.get(request.params.id);
      if (!article?.published) throw new LifelineError('LIFELINE_NOT_FOUND', 'No such article');
      return article;
    },
  );
};

export default kb;
