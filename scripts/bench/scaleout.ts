import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { SignJWT } from 'jose';
import { REPO_ROOT } from '../lib/paths.js';
import { freePort } from '../lib/ports.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Help requests created per second over HTTP against `instances` API processes sharing one Redis. */
async function createThroughput(instances: number, seconds: number, concurrency: number) {
  const prefix = `lifeline-bench-scale:${randomBytes(4).toString('hex')}:`;
  const secrets = {
    LIFELINE_SECRET: randomBytes(32).toString('hex'),
    LIFELINE_PLATFORM_SECRET: randomBytes(24).toString('hex'),
    LIFELINE_ADMIN_TOKEN: randomBytes(24).toString('hex'),
  };
  const ports = await Promise.all(Array.from({ length: instances }, () => freePort()));
  const children: ChildProcess[] = ports.map((port) =>
    spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ...secrets,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        REDIS_KEY_PREFIX: prefix,
        RATE_LIMIT_CREATE_PER_MINUTE: '1000000',
        QUEUE_MAX_WAITING: '10000000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  try {
    for (const port of ports)
      for (
        let i = 0;
        i < 100 && !(await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok;
        i += 1
      )
        await sleep(200);
    const key = new TextEncoder().encode(secrets.LIFELINE_PLATFORM_SECRET);
    const identities = await Promise.all(
      Array.from({ length: 60_000 }, (_, i) =>
        new SignJWT({ tier: 'regular' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(`s${i}`)
          .setExpirationTime('1h')
          .sign(key),
      ),
    );
    const body = JSON.stringify({ channel: 'text', language: 'en', text: 'the app crashes when I go live' });
    let next = 0;
    let created = 0;
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < until && next < identities.length) {
          const n = next++;
          const response = await fetch(`http://127.0.0.1:${ports[n % ports.length]}/v1/help-requests`, {
            method: 'POST',
            headers: { authorization: `Bearer ${identities[n]}`, 'content-type': 'application/json' },
            body,
          });
          await response.arrayBuffer();
          if (response.status === 201) created += 1;
        }
      }),
    );
    return created / seconds;
  } finally {
    for (const child of children) child.kill('SIGKILL');
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    redis.disconnect();
  }
}

/** Scale-out: the same load against one API process, then two behind round-robin. */
export async function benchScaleOut() {
  const one = await createThroughput(1, 8, 48);
  const two = await createThroughput(2, 8, 48);
  return { onePerSecond: Math.round(one), twoPerSecond: Math.round(two), growth: two / one };
}
