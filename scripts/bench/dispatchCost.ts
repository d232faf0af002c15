import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { CATEGORIES } from '../../core/protocol/vocabulary.js';
import { seedWaiting } from '../lib/seedWaiting.js';
import { PresenceStore, type SocketRef } from '../../platform/stores/PresenceStore.js';
import { QueueStore } from '../../platform/stores/QueueStore.js';
import { SessionStore } from '../../platform/stores/SessionStore.js';
import { percentile } from './latency.js';
import { deletePrefix } from './stack.js';

const LANGS = ['en', 'zh', 'es', 'pt', 'id', 'hi', 'ar', 'vi'];
const SAMPLES = 300;

export interface CostRow {
  waiting: number;
  agents: number;
  path: 'agent frees up' | 'request arrives';
  /** Requests from Node to Redis for one dispatch (the claim is one EVALSHA). */
  roundTripsPerDispatch: number;
  /** Redis commands run for one dispatch, counting those the script runs inside Redis. */
  redisCommandsPerDispatch: number;
  redisMicrosPerDispatch: number;
  nodeCpuMicrosPerDispatch: number;
  p50Ms: number;
  p99Ms: number;
}

/** Redis commands run and Redis CPU spent, from INFO commandstats. */
async function redisCounters(redis: Redis): Promise<{ roundTrips: number; calls: number; usec: number }> {
  const info = await redis.info('commandstats');
  let roundTrips = 0;
  let calls = 0;
  let usec = 0;
  for (const match of info.matchAll(/^cmdstat_([a-z|]+):calls=(\d+),usec=(\d+)/gm)) {
    if (match[1] === 'info') continue;
    if (match[1] === 'evalsha' || match[1] === 'eval') roundTrips += Number(match[2]);
    calls += Number(match[2]);
    // A script's own time includes the commands it ran; count it once.
    if (match[1] === 'evalsha' || match[1] === 'eval') usec += Number(match[3]);
  }
  return { roundTrips, calls, usec };
}

const pick = <T>(items: readonly T[], i: number) => items[i % items.length]!;

/**
 * What one dispatch costs as the queue and the floor grow: every agent busy but the one measured,
 * the queue spread over 8 languages × 7 categories. Each claim is released again so the queue
 * keeps its size. Counts Redis commands (the claim is one EVALSHA) and Redis and Node CPU.
 */
export async function benchDispatchCost(options: {
  waiting: number[];
  agents: number[];
  onProgress: (line: string) => void;
}): Promise<CostRow[]> {
  const redis = new Redis('redis://127.0.0.1:6379');
  const prefix = `lifeline-bench-cost:${randomBytes(4).toString('hex')}:`;
  const queue = new QueueStore(redis, prefix, 3600_000);
  const sessions = new SessionStore(redis, prefix, 3600_000);
  const presence = new PresenceStore(redis, prefix);
  const socket: SocketRef = { socketId: 'bench', instanceId: 'bench-instance' };
  const rows: CostRow[] = [];
  let seeded = 0;
  let agentsSeeded = 0;
  try {
    await presence.heartbeat(socket.instanceId, Date.now() + 3600_000);
    for (const waiting of options.waiting) {
      seeded = await seedRequests(queue, seeded, waiting);
      for (const agents of options.agents) {
        agentsSeeded = await seedBusyAgents(presence, agentsSeeded, agents, socket);
        const probe = randomUUID();
        await presence.agentSocketOpen(probe, socket, Date.now(), {
          languages: ['en', 'es'],
          skills: ['technical', 'payment'],
          maxSessions: 1,
        });
        for (const path of ['agent frees up', 'request arrives'] as const) {
          const row = await measure(redis, path, {
            sessions,
            presence,
            probe,
            route: `${prefix}queue:en:technical`,
          });
          rows.push({ waiting, agents, path, ...row });
          options.onProgress(
            `${waiting} waiting, ${agents} agents, ${path}: ${row.roundTripsPerDispatch.toFixed(1)} round trip(s), ${row.redisCommandsPerDispatch.toFixed(1)} Redis commands, ${row.redisMicrosPerDispatch.toFixed(0)} µs Redis, ${row.nodeCpuMicrosPerDispatch.toFixed(0)} µs Node, p99 ${row.p99Ms.toFixed(2)} ms`,
          );
        }
        await presence.setStatus(probe, 'away', Date.now());
      }
    }
    return rows;
  } finally {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  }
}

/** Tops the queue up from `from` to `to` requests spread over the languages and categories. */
async function seedRequests(queue: QueueStore, from: number, to: number): Promise<number> {
  await seedWaiting(queue, to - from, (k) => {
    const n = from + k;
    return {
      language: pick(LANGS, n),
      category: pick(CATEGORIES, Math.floor(n / LANGS.length)),
      score: 20 + (n % 70),
    };
  });
  return to;
}

/** Agents online and available, each already at capacity, so none of them is free. */
async function seedBusyAgents(presence: PresenceStore, from: number, to: number, socket: SocketRef) {
  for (let i = from; i < to; i += 1) {
    const id = `busy-${i}`;
    await presence.agentSocketOpen(id, socket, Date.now(), {
      languages: [pick(LANGS, i), pick(LANGS, i + 3)],
      skills: [pick(CATEGORIES, i), pick(CATEGORIES, i + 2)],
      maxSessions: 0,
    });
    await presence.setStatus(id, 'available', Date.now());
  }
  return to;
}

async function measure(
  redis: Redis,
  path: CostRow['path'],
  stores: { sessions: SessionStore; presence: PresenceStore; probe: string; route: string },
): Promise<Omit<CostRow, 'waiting' | 'agents' | 'path'>> {
  const { sessions, presence, probe, route } = stores;
  const times: number[] = [];
  let roundTrips = 0;
  let calls = 0;
  let usec = 0;
  let cpu = 0;
  for (let i = 0; i < SAMPLES; i += 1) {
    await presence.setStatus(probe, 'available', Date.now());
    // A request on one of the probe agent's routes, as if it had just arrived.
    const target = path === 'request arrives' ? (await redis.zrevrange(route, 0, 0))[0] : undefined;
    const terms = {
      now: Date.now(),
      offerId: randomUUID(),
      expiresAt: Date.now() + 60_000,
      cooldownMs: 0,
      depth: 32,
    };
    const before = await redisCounters(redis);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const offered =
      path === 'agent frees up'
        ? await sessions.offerBestRequest(probe, terms)
        : target && (await sessions.offerToFreeAgent(target, terms));
    times.push(performance.now() - started);
    const cpuUsed = process.cpuUsage(cpuBefore);
    const after = await redisCounters(redis);
    // The INFO call that read `before` is counted in `after`; take it off.
    calls += after.calls - before.calls - 1;
    roundTrips += after.roundTrips - before.roundTrips;
    usec += after.usec - before.usec;
    cpu += cpuUsed.user + cpuUsed.system;
    if (!offered) throw new Error(`${path}: nothing was offered`);
    await sessions.releaseOffer(terms.offerId, Date.now(), 'withdraw');
  }
  return {
    roundTripsPerDispatch: roundTrips / SAMPLES,
    redisCommandsPerDispatch: calls / SAMPLES,
    redisMicrosPerDispatch: usec / SAMPLES,
    nodeCpuMicrosPerDispatch: cpu / SAMPLES,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
  };
}

/** The growth table as Markdown, for bench/results/dispatch-cost.md and the README. */
export function dispatchCostMarkdown(rows: CostRow[]): string {
  const lines = rows.map(
    (r) =>
      `| ${r.path} | ${r.waiting.toLocaleString('en')} | ${r.agents.toLocaleString('en')} | ${r.roundTripsPerDispatch.toFixed(1)} | ${r.redisCommandsPerDispatch.toFixed(0)} | ${r.redisMicrosPerDispatch.toFixed(0)} | ${r.nodeCpuMicrosPerDispatch.toFixed(0)} | ${r.p50Ms.toFixed(2)} | ${r.p99Ms.toFixed(2)} |`,
  );
  return [
    '# Cost of one dispatch',
    '',
    'One claim against a queue spread over 8 languages × 7 categories, every other agent busy.',
    '',
    '| path | waiting | agents online | round trips | Redis commands | Redis µs | Node CPU µs | p50 ms | p99 ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...lines,
    '',
  ].join('\n');
}
