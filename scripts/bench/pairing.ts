import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { EventBus } from '../../platform/bus/EventBus.js';
import { QueueStore } from '../../platform/stores/QueueStore.js';
import { LifelineTokens } from '../../server/auth/LifelineTokens.js';
import { seedWaiting } from '../lib/seedWaiting.js';
import { echoBaseline, sleep, summarise, type Latency } from './latency.js';
import { benchEnv, startBenchStack } from './stack.js';

/** Straight into Redis: the unservable (a language no agent speaks) ranked first. */
function seedQueue(queue: QueueStore, seed: { servable: number; unservable: number }): Promise<string[]> {
  return seedWaiting(queue, seed.servable + seed.unservable, (n) =>
    n < seed.unservable
      ? { language: 'fi', category: 'account_security', score: 99, level: 'critical' }
      : { language: 'en', category: 'technical', score: 40 },
  );
}

interface Level extends Latency {
  waiting: number;
}

/**
 * P1: two API instances, `agents` agents across them, the queue held near `waiting` requests.
 * Each sample is one agent's time from ending a session (it is free) to its next offer.
 */
export async function benchPairing(options: {
  agents: number;
  levels: number[];
  /** Requests put straight into the queue first: servable ones and, most urgent of all, unservable ones. */
  seed?: { servable: number; unservable: number };
  /** How long each session lasts, uniformly between these (ms): it sets the sessions per second. */
  sessionMs: [number, number];
  measureMs: number;
  onProgress: (line: string) => void;
}) {
  const stack = await startBenchStack(
    2,
    benchEnv('pair', {
      RATE_LIMIT_CREATE_PER_MINUTE: '1000000',
      QUEUE_UPDATE_INTERVAL_MS: '500',
      WS_MAX_MESSAGES_PER_10S: '100000',
      QUEUE_MAX_WAITING: '10000000',
      // Requests put straight into the queue have no user socket; they must wait, not be abandoned.
      ABANDON_GRACE_MS: '3600000',
    }),
    options.onProgress,
  );
  const { config, instances } = stack;
  const prefix = config.keyPrefix;
  const bases = instances.map((instance) => instance.url);
  const sockets: WebSocket[] = [];
  const redis = new Redis(config.redisUrl);
  const queue = new QueueStore(redis, prefix, 3600_000);
  const bus = new EventBus(redis, null, prefix);
  try {
    options.onProgress(`creating ${options.agents} agents`);
    const tokens = new LifelineTokens(config.secrets.signing, { agentSeconds: 3600, requestSeconds: 3600 });
    const agentIds: string[] = [];
    for (let i = 0; i < options.agents; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, options.agents - i) }, (_, k) =>
          fetch(`${bases[(i + k) % 2]}/v1/admin/agents`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${config.secrets.admin}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({
              email: `a${i + k}@bench.local`,
              password: 'bench-password',
              name: `A${i + k}`,
              languages: ['en'],
              skills: ['technical'],
            }),
          }).then((r) => r.json() as Promise<{ id: string }>),
        ),
      );
      agentIds.push(...batch.map((b) => b.id));
    }
    if (options.seed) {
      options.onProgress(`seeding ${options.seed.servable + options.seed.unservable} waiting requests`);
      await seedQueue(queue, options.seed);
    }
    let level: number[] | null = null;
    const freeAt = new Map<string, number>();
    for (const [index, agentId] of agentIds.entries()) {
      const socket = new WebSocket(`${instances[index % 2]!.wsUrl}?token=${await tokens.signAgent(agentId)}`);
      sockets.push(socket);
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { type: string; offerId?: string; sessionId?: string };
        if (frame.type === 'offer') {
          const since = freeAt.get(agentId);
          if (since !== undefined && level) level.push(performance.now() - since);
          freeAt.delete(agentId);
          socket.send(JSON.stringify({ type: 'offer.accept', offerId: frame.offerId }));
        } else if (frame.type === 'session.ready') {
          setTimeout(
            () => {
              freeAt.set(agentId, performance.now());
              socket.send(JSON.stringify({ type: 'session.end', sessionId: frame.sessionId }));
            },
            options.sessionMs[0] + Math.random() * (options.sessionMs[1] - options.sessionMs[0]),
          );
        }
      });
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'agent.status', status: 'available' }));
    }
    const platform = new TextEncoder().encode(config.secrets.platform);
    let created = options.seed ? options.seed.servable + options.seed.unservable : 0;
    const createOne = async () => {
      const n = created++;
      const identity = await new SignJWT({ tier: 'regular' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(`viewer-${n}-${randomUUID()}`)
        .setExpirationTime('1h')
        .sign(platform);
      const response = await fetch(`${bases[n % 2]}/v1/help-requests`, {
        method: 'POST',
        headers: { authorization: `Bearer ${identity}`, 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'call', language: 'en', text: 'my stream keeps freezing' }),
      });
      const { accessToken } = (await response.json()) as { accessToken: string };
      const user = new WebSocket(`${instances[(n + 1) % 2]!.wsUrl}?token=${accessToken}`);
      user.on('message', (data) => String(data).includes('"session.ended"') && user.close());
      user.on('error', () => {});
      sockets.push(user);
    };
    const levels: Level[] = [];
    for (const waiting of options.levels) {
      let stop = false;
      // Keep the queue at `waiting`, straight into Redis so it never runs dry and the figure
      // measures dispatch rather than how fast this one process can make users; beside that, a
      // steady trickle of users through the API, with a socket each, as in production.
      const producer = (async () => {
        while (!stop) {
          const deficit = waiting - (await redis.zcard(`${prefix}queue`));
          if (deficit <= 0) {
            await sleep(10);
            continue;
          }
          // Each arrives as the API's would: announced, so a free agent takes it at once.
          const ids = await seedQueue(queue, { servable: Math.min(500, deficit), unservable: 0 });
          await Promise.all(ids.map((requestId) => bus.publish({ t: 'dispatch', requestId })));
        }
      })();
      const trickle = (async () => {
        while (!stop) await Promise.all([createOne(), sleep(50)]);
      })();
      options.onProgress(`holding about ${waiting} waiting; warming up`);
      await sleep(6000);
      level = [];
      await sleep(options.measureMs);
      const samples = level;
      level = null;
      stop = true;
      await Promise.all([producer, trickle]);
      levels.push({ waiting, ...summarise(samples) });
      options.onProgress(
        `waiting ≈ ${waiting}: time to pair p50 ${levels.at(-1)!.p50.toFixed(1)} ms, p99 ${levels.at(-1)!.p99.toFixed(1)} ms over ${samples.length} pairings`,
      );
    }
    const echo = await echoBaseline(options.agents, 5000);
    options.onProgress(`bare ws echo: p50 ${echo.p50.toFixed(2)} ms, p99 ${echo.p99.toFixed(2)} ms`);
    return { agents: options.agents, instances: 2, levels, echo };
  } finally {
    for (const socket of sockets) socket.terminate();
    redis.disconnect();
    await stack.close();
  }
}
