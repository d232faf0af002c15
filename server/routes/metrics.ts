import type { FastifyPluginAsync } from 'fastify';

const metrics: FastifyPluginAsync = async (app) => {
  app.get(
    '/metrics',
    { schema: { tags: ['ops'], description: 'Prometheus text exposition' } },
    async (_request, reply) => {
      const { registry } = app.lifeline.metrics;
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
};

export default metrics;
