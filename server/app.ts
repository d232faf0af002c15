import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import rateLimit from '@fastify/rate-limit';
import websocketPlugin from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Socket } from 'node:net';
import Fastify, { type ConnectionError, type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from './config/load.js';
import { LifelineError } from '../core/errors/LifelineError.js';
import { loggerOptions } from './logger.js';
import { answerClientError, answerFrameworkError } from './errors/beforeRouting.js';
import { rateLimitKey } from './plugins/rateLimitKey.js';
import authPlugin from './plugins/auth.js';
import errorsPlugin from './plugins/errors.js';
import databasePlugin from './plugins/database.js';
import redisPlugin from './plugins/redis.js';
import servicesPlugin from './plugins/services.js';
import health from './routes/health.js';
import metrics from './routes/metrics.js';
import adminAgents from './routes/v1/adminAgents.js';
import adminRoutingPolicy from './routes/v1/adminRoutingPolicy.js';
import adminKb from './routes/v1/adminKb.js';
import kb from './routes/v1/kb.js';
import adminUsers from './routes/v1/adminUsers.js';
import me from './routes/v1/me.js';
import agentLogin from './routes/v1/agentLogin.js';
import helpRequests from './routes/v1/help-requests/index.js';
import helpRequestCustomer from './routes/v1/help-requests/customer.js';
import helpRequestSuggestions from './routes/v1/help-requests/suggestions.js';
import helpRequestHistory from './routes/v1/help-requests/history.js';
import helpRequestMessages from './routes/v1/help-requests/messages.js';
import helpRequestIncident from './routes/v1/help-requests/incident.js';
import helpRequestCallback from './routes/v1/help-requests/callback.js';
import helpRequestAssistant from './routes/v1/help-requests/assistant.js';
import voice from './routes/v1/help-requests/voice.js';
import video from './routes/v1/help-requests/video.js';
import livekitWebhook from './routes/v1/livekitWebhook.js';
import agentTools from './routes/v1/agentTools.js';
import queue from './routes/v1/queue.js';
import sessions from './routes/v1/sessions.js';
import supervisor from './routes/v1/supervisor.js';
import supervisorIncidents from './routes/v1/supervisorIncidents.js';
import supervisorAnalytics from './routes/v1/supervisorAnalytics.js';
import websocket from './routes/v1/websocket.js';
import web from './routes/web.js';
import { onSocketError } from './ws/socketError.js';
import { LiveKitMedia } from '../media/LiveKitMedia.js';
import type { MediaPlane } from '../media/MediaPlane.js';
import { scoreUrgency } from '../core/urgency/score.js';
import type { UrgencyScorer } from '../core/urgency/types.js';

export interface AppOptions {
  config: Config;
  /** Injected for tests that need a fake clock; defaults to Date.now. */
  now?: () => number;
  media?: MediaPlane;
  scorer?: UrgencyScorer;
  redisConnectTimeoutMs?: number;
}

/**
 * The whole API as one plugin, registered in order: infrastructure, then services, then routes.
 * Not encapsulated, so whoever registers it (server.ts, tests) sees its decorators.
 */
export const lifelineApp = fp<AppOptions>(
  async (app, options) => {
    const { config, now = Date.now } = options;
    const media = options.media ?? new LiveKitMedia(config.livekit);

    await app.register(errorsPlugin);
    // The API speaks JSON; routes that take other bodies (webhooks, audio) add their own parsers.
    app.removeContentTypeParser('text/plain');
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'Lifeline API',
          version: '0.1.0',
          description:
            'Real-time help: live calls, voice and text, routed by urgency. WebSocket protocol: docs/protocol.md',
        },
        components: {
          securitySchemes: {
            adminToken: { type: 'http', scheme: 'bearer', description: 'LIFELINE_ADMIN_TOKEN' },
            platformIdentity: {
              type: 'http',
              scheme: 'bearer',
              bearerFormat: 'JWT',
              description: "Host platform's HS256 identity token",
            },
            lifelineToken: {
              type: 'http',
              scheme: 'bearer',
              description: 'Agent token or a request accessToken',
            },
          },
        },
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
    await app.register(redisPlugin, {
      target: config,
      connectTimeoutMs: options.redisConnectTimeoutMs ?? 5000,
    });
    await app.register(databasePlugin, { target: config.database });
    await app.register(rateLimit, {
      global: false,
      redis: app.redis,
      nameSpace: `${config.keyPrefix}rate:`,
      skipOnError: true,
      errorResponseBuilder: (_request, { ttl }) =>
        new LifelineError('LIFELINE_RATE_LIMITED', undefined, {
          details: { retryAfterSeconds: Math.ceil(ttl / 1000) },
        }),
      keyGenerator: rateLimitKey,
    });
    await app.register(servicesPlugin, { config, media, scorer: options.scorer ?? scoreUrgency, now });
    await app.register(authPlugin, { allowGuests: config.env !== 'production' });
    await app.register(websocketPlugin, {
      options: { maxPayload: config.limits.wsMessageBytes * 4 },
      errorHandler: onSocketError,
      // The /v1/ws route closes its own connections with a coded reason and cleans up presence;
      // the plugin's default would close them first, bare (1005), with nothing cleaned up.
      preClose: async () => {},
    });

    await app.register(health);
    await app.register(metrics);
    await app.register(adminAgents);
    await app.register(adminUsers);
    await app.register(adminRoutingPolicy);
    await app.register(adminKb);
    await app.register(kb);
    await app.register(me);
    await app.register(agentLogin);
    await app.register(helpRequests);
    await app.register(voice);
    await app.register(video);
    await app.register(agentTools);
    await app.register(helpRequestHistory);
    await app.register(helpRequestCustomer);
    await app.register(helpRequestSuggestions);
    await app.register(helpRequestMessages);
    await app.register(helpRequestCallback);
    await app.register(helpRequestAssistant);
    await app.register(queue);
    await app.register(sessions);
    await app.register(supervisor);
    await app.register(supervisorIncidents);
    await app.register(supervisorAnalytics);
    await app.register(helpRequestIncident);
    await app.register(livekitWebhook);
    await app.register(websocket);
    await app.register(web, { root: config.webRoot });
  },
  { name: 'lifeline' },
);

/** A ready-to-listen Fastify instance with Lifeline's server options. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.config.logLevel),
    bodyLimit: options.config.limits.httpBodyBytes,
    genReqId: () => randomUUID(),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    forceCloseConnections: 'idle',
    // What fails before routing is answered with a coded body too, and counted like other errors.
    clientErrorHandler(this: FastifyInstance, error: ConnectionError, socket: Socket) {
      const code = answerClientError(this.log, error, socket);
      if (code && this.hasDecorator('lifeline')) this.lifeline.metrics.errors.inc({ code });
    },
    frameworkErrors: (error, request, reply) => {
      const code = answerFrameworkError(error, reply);
      if (request.server.hasDecorator('lifeline')) request.server.lifeline.metrics.errors.inc({ code });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(lifelineApp, options);
  return app;
}
