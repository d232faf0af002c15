import type { FastifyBaseLogger } from 'fastify';
import type { Dispatcher } from './Dispatcher.js';
import type { InstanceLiveness } from './InstanceLiveness.js';
import type { OfferService } from './OfferService.js';

/** A reconcile pass at least this often catches what no event announces, such as a decline cooldown ending. */
const RECONCILE_MS = 2000;

/**
 * Periodic work every instance runs: renewing its own lease, reaping dead instances, expiring
 * offers, abandoning requests, handing quiet assistant cases to a person, reopening due tasks, applying routing steps, and reconciling free agents with the queue.
 * Each step is atomic in Redis (or, for due tasks, claimed once in PostgreSQL), so instances may
 * sweep concurrently and a crashed instance's timers are picked up by the others.
 */
export class Sweeper {
  private interval: NodeJS.Timeout | null = null;
  private tick: Promise<void> | null = null;
  private lastHeartbeat = 0;
  private lastReconcile = 0;

  constructor(
    private readonly deps: {
      offers: OfferService;
      /** Closes requests whose user stayed away past the grace period (the help-requests module). */
      requests: { abandonDue(): Promise<number> };
      liveness: InstanceLiveness;
      /** Puts open cases back from the database when Redis lost the queue. */
      rebuild: { ensure(): Promise<number> };
      /** Queues cases an instance wrote to the database but died before queueing. */
      stranded: { maybeRun(): Promise<number> };
      /** Deletes what has outlived its retention, on one instance per period. */
      retention: { maybeRun(): Promise<void> };
      /** Reopens the cases of due follow-ups and escalations, each on one instance only. */
      followUps: { maybeRun(): Promise<void> };
      /** Finishes incident resolutions an instance died in the middle of (the incidents module). */
      incidentResolutions: { maybeFinishInterrupted(): Promise<void> };
      /** Hands held cases to a person when their user went quiet (the assistant). */
      assistant: { sweepDue(): Promise<number> };
      /** Callbacks whose time to answer or to retry ran out (the callbacks module). */
      callbacks: { sweepDue(): Promise<number> };
      /** Consult invitations nobody answered in time (the sessions module). */
      transfers: { expireDue(): Promise<number> };
      /** Applies routing policy steps that came due. */
      policySteps: { runDue(): Promise<number> };
      dispatcher: Dispatcher;
      intervalMs: number;
      leaseMs: number;
      now: () => number;
      log: FastifyBaseLogger;
    },
  ) {}

  start(): void {
    if (this.interval) return;
    this.interval = setInterval(() => {
      this.tick ??= this.sweep().finally(() => (this.tick = null));
    }, this.deps.intervalMs);
    this.interval.unref();
  }

  private async sweep(): Promise<void> {
    const { offers, requests, liveness, rebuild, dispatcher, now, log } = this.deps;
    try {
      await rebuild.ensure();
      if (now() - this.lastHeartbeat >= this.deps.leaseMs / 3) {
        await liveness.heartbeat();
        this.lastHeartbeat = now();
      }
      await liveness.retryPending();
      await liveness.reapDead();
      await offers.expireDue();
      await this.deps.transfers.expireDue();
      await requests.abandonDue();
      await this.deps.assistant.sweepDue();
      await this.deps.callbacks.sweepDue();
      await this.deps.incidentResolutions.maybeFinishInterrupted();
      await this.deps.stranded.maybeRun();
      await this.deps.retention.maybeRun();
      await this.deps.followUps.maybeRun();
      await this.deps.policySteps.runDue();
      if (now() - this.lastReconcile >= RECONCILE_MS) {
        this.lastReconcile = now();
        dispatcher.reconcile();
      }
    } catch (error) {
      log.warn({ err: error }, 'sweep failed; retrying on the next tick');
    }
  }

  async stop(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    await this.tick;
  }
}
