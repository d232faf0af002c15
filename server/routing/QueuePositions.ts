import type { ServerFrameOf } from '../../core/protocol/frames.js';
import { averageHandleSeconds, estimatedWaitSeconds } from '../../core/routing/eta.js';
import type { Route, Standing } from '../../platform/stores/QueueStore.js';
import type { LocalUsers, RoutingDeps } from './deps.js';

/** Where a waiting request stands: the `queue.update` frame without its envelope. */
export type QueueSnapshot = Omit<ServerFrameOf<'queue.update'>, 'type' | 'requestId'>;

/** A 1-based place on a route. */
export interface RoutePlace {
  position: number;
  route: Route;
}

/** Offered to an agent: no longer in the line, not yet in a session. */
export const CONNECTING: QueueSnapshot = { position: 1, etaSeconds: 0, state: 'connecting' };

/** With the assistant: in no line, so no place and no wait to give. */
export const WITH_ASSISTANT: QueueSnapshot = { position: 0, etaSeconds: 0, state: 'assistant' };

/** Requests looked up per Redis call in a push, so one script never holds Redis for long. */
const STANDINGS_PER_CALL = 500;

interface Cached<T> {
  at: number;
  value: Promise<T>;
}

const routeKey = (route: Route) => route.keys.join(',');

/**
 * The wait at a place on a route: with nobody online who can serve the route there is no
 * number to give, and the snapshot says so instead.
 */
function waitingAt(position: number, servingAgents: number, avgHandleSeconds: number): QueueSnapshot {
  if (servingAgents === 0) return { position, etaSeconds: 0, state: 'waiting', noAgentOnline: true };
  const etaSeconds = estimatedWaitSeconds(position, { servingAgents, avgHandleSeconds });
  return { position, etaSeconds, state: 'waiting' };
}

/**
 * Pushes `queue.update` to the users whose sockets are on this instance, whenever the shared queue
 * changes anywhere. Pushes are coalesced to one per interval and skipped when nothing changed.
 * A place counts only the requests ahead on the same route, and its wait only the agents online
 * who can serve that route.
 */
export class QueuePositions {
  private readonly lastSent = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private pushing: Promise<void> | null = null;
  private lastPushAt = 0;
  private handle: Cached<number> | null = null;
  private allOnline: Cached<number> | null = null;
  private readonly eligible = new Map<string, Cached<number>>();

  constructor(
    private readonly deps: RoutingDeps,
    private readonly sockets: LocalUsers,
  ) {}

  changed(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastPushAt + this.deps.settings.queueUpdateIntervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastPushAt = Date.now();
      this.pushing = this.push()
        .catch((error: unknown) => this.deps.log.warn({ err: error }, 'queue position push failed'))
        .finally(() => (this.pushing = null));
    }, wait);
  }

  private fresh(cached: Cached<unknown> | null | undefined, now: number): cached is Cached<unknown> {
    return !!cached && now - cached.at < this.deps.settings.queueUpdateIntervalMs;
  }

  /** The mean recent handle time, read at most once per push interval. */
  private avgHandleSeconds(): Promise<number> {
    const now = Date.now();
    if (this.fresh(this.handle, now)) return this.handle.value;
    const value = this.deps.floor
      .recentHandleSeconds()
      .then((recent) => averageHandleSeconds(recent, this.deps.settings.defaultHandleSeconds));
    const cached = { at: now, value };
    this.handle = cached;
    // A failed read is not reused.
    value.catch(() => {
      if (this.handle === cached) this.handle = null;
    });
    return value;
  }

  /**
   * Agents online who can serve each route, read at most once per push interval per route: the
   * routes not read within it are read together in one round trip.
   */
  private servingAgents(routes: readonly Route[]): Promise<number[]> {
    const now = Date.now();
    const stale = new Map<string, Route>();
    for (const route of routes)
      if (!this.fresh(this.eligible.get(routeKey(route)), now)) stale.set(routeKey(route), route);
    if (stale.size > 0) {
      const read = this.deps.presenceStore.eligibleOnline([...stale.values()]);
      [...stale.keys()].forEach((key, i) => {
        const cached = { at: now, value: read.then((counts) => counts[i] ?? 0) };
        this.eligible.set(key, cached);
        cached.value.catch(() => {
          if (this.eligible.get(key) === cached) this.eligible.delete(key);
        });
      });
    }
    return Promise.all(routes.map((route) => this.eligible.get(routeKey(route))?.value ?? 0));
  }

  /** Waiting requests at these places, each with its estimated wait, from one read per route. */
  async waitingAt(places: readonly RoutePlace[]): Promise<QueueSnapshot[]> {
    const [avg, serving] = await Promise.all([
      this.avgHandleSeconds(),
      this.servingAgents(places.map((place) => place.route)),
    ]);
    return places.map((place, i) => waitingAt(place.position, serving[i] ?? 0, avg));
  }

  /**
   * Estimates at places in the whole line, served by every agent online: the staff's view of the
   * line, not a user's (a user is told the place and wait on their own route).
   */
  async lineEstimates(positions: readonly number[]): Promise<number[]> {
    const [avgHandleSeconds, servingAgents] = await Promise.all([
      this.avgHandleSeconds(),
      this.onlineAgents(),
    ]);
    return positions.map((position) => estimatedWaitSeconds(position, { servingAgents, avgHandleSeconds }));
  }

  /** Every agent online, whatever they serve, read at most once per push interval. */
  private onlineAgents(): Promise<number> {
    const now = Date.now();
    if (this.fresh(this.allOnline, now)) return this.allOnline.value;
    const cached = { at: now, value: this.deps.presenceStore.countOnlineAgents() };
    this.allOnline = cached;
    cached.value.catch(() => {
      if (this.allOnline === cached) this.allOnline = null;
    });
    return cached.value;
  }

  /** A request waiting at this place, with its estimated wait. */
  async waitingOn(place: RoutePlace): Promise<QueueSnapshot> {
    const [snapshot] = await this.waitingAt([place]);
    return snapshot ?? waitingAt(place.position, 0, 0);
  }

  /** Where a request stands now (with the assistant, or waiting), or null once no longer waiting for an agent. */
  async snapshot(requestId: string): Promise<QueueSnapshot | null> {
    const [snapshot] = await this.fromStandings([await this.deps.queue.standing(requestId)]);
    return snapshot ?? null;
  }

  private async fromStandings(standings: readonly Standing[]): Promise<(QueueSnapshot | null)[]> {
    const places: RoutePlace[] = [];
    for (const { position, route } of standings) if (position !== null) places.push({ position, route });
    const waiting = await this.waitingAt(places);
    let next = 0;
    return standings.map((standing) => {
      if (standing.position !== null) return waiting[next++] ?? null;
      if (standing.state === 'assistant') return WITH_ASSISTANT;
      return standing.state === 'offered' ? CONNECTING : null;
    });
  }

  private async push(): Promise<void> {
    const local = this.sockets.localRequestIds();
    for (let start = 0; start < local.length; start += STANDINGS_PER_CALL) {
      const ids = local.slice(start, start + STANDINGS_PER_CALL);
      const snapshots = await this.fromStandings(await this.deps.queue.standings(ids));
      ids.forEach((requestId, i) => {
        const snapshot = snapshots[i];
        if (snapshot) this.send(requestId, snapshot);
      });
    }
  }

  /** Sends the snapshot unless this socket's user already has exactly that one. */
  send(requestId: string, snapshot: QueueSnapshot): void {
    const key = `${snapshot.position}:${snapshot.etaSeconds}:${snapshot.state}:${snapshot.noAgentOnline === true}`;
    if (this.lastSent.get(requestId) === key) return;
    this.lastSent.set(requestId, key);
    this.sockets.sendTo('request', requestId, { type: 'queue.update', requestId, ...snapshot });
  }

  forget(requestId: string): void {
    this.lastSent.delete(requestId);
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.pushing;
  }
}
