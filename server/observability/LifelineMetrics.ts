import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const SECONDS_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800,
];

/** The API's Prometheus metrics, on a registry owned by one app instance (tests build several). */
export class LifelineMetrics {
  readonly registry = new Registry();
  readonly requestsCreated = new Counter({
    name: 'lifeline_help_requests_total',
    help: 'Help requests created, by channel and urgency level',
    labelNames: ['channel', 'level'] as const,
    registers: [this.registry],
  });
  readonly offers = new Counter({
    name: 'lifeline_offers_total',
    help: 'Offers made to agents and how each ended',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly abandoned = new Counter({
    name: 'lifeline_abandoned_total',
    help: 'Requests closed because the user left before being served (this instance swept them)',
    registers: [this.registry],
  });
  readonly callbacks = new Counter({
    name: 'lifeline_callbacks_total',
    help: 'Callbacks by outcome: requested, answered, retried (first try unanswered), missed (became a conversation); apart from abandonment',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly cancelled = new Counter({
    name: 'lifeline_cancelled_total',
    help: 'Requests cancelled by their user',
    registers: [this.registry],
  });
  readonly answeredByStatus = new Counter({
    name: 'lifeline_answered_by_incident_status_total',
    help: 'Cases an incident answered without an agent: closed by its resolution, or by their user after its status',
    labelNames: ['how'] as const,
    registers: [this.registry],
  });
  readonly routingReasons = new Counter({
    name: 'lifeline_routing_reasons_total',
    help: 'Routing policy steps applied to waiting requests (widened, fallback, escalated), by reason code and queue',
    labelNames: ['code', 'queue'] as const,
    registers: [this.registry],
  });
  readonly supervisorAlerts = new Counter({
    name: 'lifeline_supervisor_alerts_total',
    help: 'Supervisor alerts raised by routing policy steps, by queue',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });
  readonly assistantAnswers = new Counter({
    name: 'lifeline_assistant_answers_total',
    help: 'Answers the assistant gave from the knowledge base: first, or again after "did not help"',
    labelNames: ['turn'] as const,
    registers: [this.registry],
  });
  readonly assistantDeflections = new Counter({
    name: 'lifeline_assistant_deflections_total',
    help: 'Cases closed as self-served: the user said an article the assistant gave solved it',
    registers: [this.registry],
  });
  readonly assistantHandoffs = new Counter({
    name: 'lifeline_assistant_handoffs_total',
    help: 'Text requests the assistant handed to a person (or never held), by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly assistantReplySeconds = new Histogram({
    name: 'lifeline_assistant_reply_seconds',
    help: 'From a user line (or a new request) to the assistant’s decision: search, scoring and the stored answer',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
  readonly timeToOffer = new Histogram({
    name: 'lifeline_time_to_offer_seconds',
    help: 'From request creation to each offer made for it (re-offers included)',
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  readonly waitUntilAnswered = new Histogram({
    name: 'lifeline_wait_seconds',
    help: 'From request creation to an agent accepting it (speed of answer)',
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  readonly handleTime = new Histogram({
    name: 'lifeline_handle_seconds',
    help: 'Session length from accept to end',
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  readonly sockets = new Gauge({
    name: 'lifeline_websockets',
    help: 'Open WebSockets on this instance, by role',
    labelNames: ['role'] as const,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'lifeline_errors_total',
    help: 'Errors returned to clients, by code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  constructor(queueDepth: () => Promise<number>, agentsAvailable: () => Promise<number>) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'lifeline_queue_waiting',
      help: 'Requests waiting in the shared queue',
      registers: [this.registry],
      async collect() {
        this.set(await queueDepth());
      },
    });
    new Gauge({
      name: 'lifeline_agents_available',
      help: 'Agents online and available across all instances',
      registers: [this.registry],
      async collect() {
        this.set(await agentsAvailable());
      },
    });
  }
}
