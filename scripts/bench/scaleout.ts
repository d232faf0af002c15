import { SignJWT } from 'jose';
import { benchEnv, startBenchStack } from './stack.js';

/**
 * Help requests created per second over HTTP against `instances` API processes sharing one Redis
 * and one throwaway PostgreSQL schema.
 */
async function createThroughput(instances: number, seconds: number, concurrency: number) {
  const env = benchEnv('scale', { RATE_LIMIT_CREATE_PER_MINUTE: '1000000', QUEUE_MAX_WAITING: '10000000' });
  const stack = await startBenchStack(instances, env, () => {});
  const bases = stack.instances.map((instance) => instance.url);
  try {
    const key = new TextEncoder().encode(stack.config.secrets.platform);
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
          const response = await fetch(`${bases[n % bases.length]}/v1/help-requests`, {
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
    await stack.close();
  }
}

/** Scale-out: the same load against one API process, then two behind round-robin. */
export async function benchScaleOut() {
  const one = await createThroughput(1, 8, 48);
  const two = await createThroughput(2, 8, 48);
  return { onePerSecond: Math.round(one), twoPerSecond: Math.round(two), growth: two / one };
}
