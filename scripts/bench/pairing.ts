import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { EventBus } from '../../platform/bus/EventBus.js';
import { QueueStore } from '../../platform/stores/QueueStore.js';
import { LifelineTokens } from '../../server/auth/LifelineTokens.js';
import { startLiveKitDevServer } from '../lib/livekit-dev-server.js';
import { REPO_ROOT } from '../lib/paths.js';
import { seedWaiting } from '../lib/seedWaiting.js';
import { freePort } from '../lib/ports.js';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(url: string) {
  for (let i = 0; i < 150; i += 1) {
    if ((await fetch(url).catch(() => null))?.ok) return;
    await sleep(200);
  }
  throw new Error(`${url} did not come up`);
}

/** Round trips through a bare ws echo server from `clients` sockets for `ms`. */
async function echoBaseline(clients: number, ms: number) {
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/echoServer.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) =>
    createInterface({ input: server.stdout! }).on('line', (l) => l === 'READY' && resolve()),
  );
  const samples: number[] = [];
  const until = Date.now() + ms;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}`);
      await new Promise((resolve) => socket.once('open', resolve));
      while (Date.now() < until) {
        const sent = performance.now();
        socket.send('{"type":"ping"}');
        await new Promise((resolve) => socket.once('message', resolve));
        samples.push(performance.now() - sent);
        await sleep(20);
      }
      socket.close();
    }),
  );
  server.kill('SIGKILL');
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), samples: samples.length };
}

/** Straight into Redis: the unservable (a language no agent speaks) ranked first. */
function seedQueue(queue: QueueStore, seed: { servable: number; unservable: number }): Promise<string[]> {
  return seedWaiting(queue, seed.servable + seed.unservable, (n) =>
    n < seed.unservable
      ? { language: 'fi', category: 'account_security', score: 99, level: 'critical' }
      : { language: 'en', category: 'technical', score: 40 },
  );
}

interface Level {
  waiting: number;
  p50: number;
  p99: number;
  samples: number;
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
  const prefix = `lifeline-bench-pair:${randomBytes(4).toString('hex')}:`;
  const secrets = {
    LIFELINE_SECRET: randomBytes(32).toString('hex'),
    LIFELINE_ADMIN_TOKEN: randomBytes(24).toString('hex'),
    LIFELINE_PLATFORM_SECRET: randomBytes(24).toString('hex'),
  };
  const livekit = await startLiveKitDevServer({
    port: await freePort(),
    rtcTcpPort: await freePort(),
    udpPortStart: 52000,
    udpPortEnd: 52050,
    apiKey: 'benchkey',
    apiSecret: 'bench-secret-long-enough-for-livekit',
    output: '/dev/null',
  });
  const ports = [await freePort(), await freePort()];
  const children: ChildProcess[] = [];
  const sockets: WebSocket[] = [];
  const redis = new Redis('redis://127.0.0.1:6379');
  const queue = new QueueStore(redis, prefix, 3600_000);
  const bus = new EventBus(redis, null, prefix);
  try {
    for (const port of ports) {
      const env = {
        ...process.env,
        ...secrets,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        REDIS_KEY_PREFIX: prefix,
        LIVEKIT_URL: livekit.url,
        LIVEKIT_API_KEY: 'benchkey',
        LIVEKIT_API_SECRET: 'bench-secret-long-enough-for-livekit',
        RATE_LIMIT_CREATE_PER_MINUTE: '1000000',
        QUEUE_UPDATE_INTERVAL_MS: '500',
        WS_MAX_MESSAGES_PER_10S: '100000',
        QUEUE_MAX_WAITING: '10000000',
        // Seeded requests have no user socket; they must wait, not be abandoned.
        // Requests put straight into the queue have no user socket; they must wait, not be abandoned.
        ABANDON_GRACE_MS: '3600000',
      };
      children.push(
        spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
          cwd: REPO_ROOT,
          env,
          stdio: ['ignore', 'ignore', 'inherit'],
        }),
      );
    }
    const bases = ports.map((p) => `http://127.0.0.1:${p}`);
    await Promise.all(bases.map((b) => waitFor(`${b}/readyz`)));
    options.onProgress(`2 API instances up; creating ${options.agents} agents`);
    const tokens = new LifelineTokens(secrets.LIFELINE_SECRET, { agentSeconds: 3600, requestSeconds: 3600 });
    const agentIds: string[] = [];
    for (let i = 0; i < options.agents; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, options.agents - i) }, (_, k) =>
          fetch(`${bases[(i + k) % 2]}/v1/admin/agents`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${secrets.LIFELINE_ADMIN_TOKEN}`,
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
      const socket = new WebSocket(
        `${bases[index % 2]!.replace('http', 'ws')}/v1/ws?token=${await tokens.signAgent(agentId)}`,
      );
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
    const platform = new TextEncoder().encode(secrets.LIFELINE_PLATFORM_SECRET);
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
      const user = new WebSocket(`${bases[(n + 1) % 2]!.replace('http', 'ws')}/v1/ws?token=${accessToken}`);
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
      levels.push({
        waiting,
        p50: percentile(samples, 50),
        p99: percentile(samples, 99),
        samples: samples.length,
      });
      options.onProgress(
        `waiting ≈ ${waiting}: time to pair p50 ${levels.at(-1)!.p50.toFixed(1)} ms, p99 ${levels.at(-1)!.p99.toFixed(1)} ms over ${samples.length} pairings`,
      );
    }
    const echo = await echoBaseline(options.agents, 5000);
    options.onProgress(`bare ws echo: p50 ${echo.p50.toFixed(2)} ms, p99 ${echo.p99.toFixed(2)} ms`);
    return { agents: options.agents, instances: 2, levels, echo };
  } finally {
    for (const socket of sockets) socket.terminate();
    for (const child of children) child.kill('SIGKILL');
    await livekit.stop();
    const keys = await redis.keys(`${prefix}*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    redis.disconnect();
  }
}
