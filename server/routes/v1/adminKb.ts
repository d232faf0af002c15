import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { LifelineError } from '../../../core/errors/LifelineError.js';
import { CreatedId } from '../../../core/protocol/agents.js';
import { ErrorBody } from '../../../core/protocol/domain.js';
import { IdParams } from '../../../core/protocol/helpRequests.js';
import { KbArticle, KbArticleBody, KbArticleList, KbListQuery } from '../../../core/protocol/kb.js';

const missing = () => new LifelineError('LIFELINE_NOT_FOUND', 'No such article');

/** /v1/admin/kb/articles: writing the knowledge base. The admin token or a supervisor. */
const adminKb: FastifyPluginAsyncTypebox = async (app) => {
  const secured = { onRequest: app.requireOperator };
  const security: Record<string, string[]>[] = [{ adminToken: [] }, { lifelineToken: [] }];
  const tags = ['knowledge base'];
  const refused = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
  /** The route options of one article's routes: by id, 404 when there is none. */
  const onArticle = <S extends object>(schema: S) => ({
    ...secured,
    schema: { tags, security, params: IdParams, ...schema },
  });

  app.post(
    '/v1/admin/kb/articles',
    { ...secured, schema: { tags, security, body: KbArticleBody, response: { 201: CreatedId, ...refused } } },
    async (request, reply) => reply.code(201).send({ id: (await app.lifeline.kb.create(request.body)).id }),
  );

  app.get(
    '/v1/admin/kb/articles',
    {
      ...secured,
      schema: { tags, security, querystring: KbListQuery, response: { 200: KbArticleList, ...refused } },
    },
    async (request) => {
      const { lang, limit = 100, offset = 0 } = request.query;
      return { articles: await app.lifeline.kb.list({ language: lang, limit, offset }) };
    },
  );

  app.get(
    '/v1/admin/kb/articles/:id',
    onArticle({ response: { 200: KbArticle, 404: ErrorBody, ...refused } }),
    async (request) => (await app.lifeline.kb.get(request.params.id)) ?? Promise.reject(missing()),
  );

  app.put(
    '/v1/admin/kb/articles/:id',
    onArticle({ body: KbArticleBody, response: { 200: KbArticle, 404: ErrorBody, ...refused } }),
    async (request) =>
      (await app.lifeline.kb.update(request.params.id, request.body)) ?? Promise.reject(missing()),
  );

  app.delete(
    '/v1/admin/kb/articles/:id',
    onArticle({ response: { 204: Type.Null(), 404: ErrorBody, ...refused } }),
    async (request, reply) => {
      if (!(await app.lifeline.kb.delete(request.params.id))) throw missing();
      return reply.code(204).send(null);
    },
  );
};

export default adminKb;
