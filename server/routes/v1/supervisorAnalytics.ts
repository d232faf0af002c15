import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { DEFAULT_RISING_RULE } from '../../../core/analytics/trends.js';
import {
  AnalyticsQuery,
  AnalyticsReply,
  TrendsQuery,
  TrendsReply,
} from '../../../core/protocol/analytics.js';
import { ErrorBody } from '../../../core/protocol/domain.js';
import { AnalyticsRepository } from '../../../platform/db/AnalyticsRepository.js';
import { TrendsRepository } from '../../../platform/db/TrendsRepository.js';
import { AnalyticsService } from '../../analytics/AnalyticsService.js';
import { attachment, breakdownCsv, trendsCsv } from '../../analytics/csvExports.js';
import { TrendsService } from '../../analytics/TrendsService.js';

const CSV = 'text/csv; charset=utf-8';
const refused = { 400: ErrorBody, 403: ErrorBody };
const CsvText = Type.String({ description: 'text/csv (RFC 4180), as an attachment' });

/** /v1/supervisor/analytics*: figures, series and trends from PostgreSQL, as JSON or CSV. Supervisors only. */
const supervisorAnalytics: FastifyPluginAsyncTypebox = async (app) => {
  const secured = { onRequest: app.requirePrincipal, preHandler: app.requireSupervisor };
  const documented = { tags: ['supervisors'], security: [{ lifelineToken: [] }] };
  const { config, agents, policies, now } = app.lifeline;
  const repository = new AnalyticsRepository(app.db);
  const analytics = new AnalyticsService({
    repository,
    agents,
    policy: () => policies.current(),
    serviceLevelTargetSeconds: config.routing.serviceLevelTargetSeconds,
    maxRangeDays: config.analytics.maxRangeDays,
    now,
  });
  const trends = new TrendsService({
    bounds: repository,
    trends: new TrendsRepository(app.db),
    rule: DEFAULT_RISING_RULE,
    maxRangeDays: config.analytics.maxRangeDays,
  });

  app.get(
    '/v1/supervisor/analytics',
    {
      ...secured,
      schema: {
        ...documented,
        description:
          'Service level, ASA, AHT, abandonment, CSAT and counts for a window, overall and by queue, category, ' +
          'language and agent, with a series per bucket and incidents over time. 400 LIFELINE_ANALYTICS_WINDOW ' +
          'or LIFELINE_RANGE_TOO_LONG (ANALYTICS_MAX_RANGE_DAYS).',
        querystring: AnalyticsQuery,
        response: { 200: AnalyticsReply, ...refused },
      },
    },
    async (request) => analytics.report(request.query),
  );

  app.get(
    '/v1/supervisor/analytics.csv',
    {
      ...secured,
      schema: {
        ...documented,
        description: 'The breakdown table of GET /v1/supervisor/analytics as CSV',
        querystring: AnalyticsQuery,
        response: { 200: CsvText, ...refused },
      },
    },
    async (request, reply) => {
      const report = await analytics.report(request.query);
      const name = `lifeline-analytics-${request.query.window}-${report.window.from.slice(0, 10)}.csv`;
      return reply.type(CSV).header('content-disposition', attachment(name)).send(breakdownCsv(report));
    },
  );

  app.get(
    '/v1/supervisor/analytics/trends',
    {
      ...secured,
      schema: {
        ...documented,
        description: 'Top keywords and topics per day over a range, and the ones rising on its last day',
        querystring: TrendsQuery,
        response: { 200: TrendsReply, ...refused },
      },
    },
    async (request) => trends.report(request.query),
  );

  app.get(
    '/v1/supervisor/analytics/trends.csv',
    {
      ...secured,
      schema: {
        ...documented,
        description: 'GET /v1/supervisor/analytics/trends as CSV: one line per day, kind and term',
        querystring: TrendsQuery,
        response: { 200: CsvText, ...refused },
      },
    },
    async (request, reply) => {
      const report = await trends.report(request.query);
      const name = `lifeline-trends-${report.from}-${report.to}.csv`;
      return reply.type(CSV).header('content-disposition', attachment(name)).send(trendsCsv(report));
    },
  );
};

export default supervisorAnalytics;
