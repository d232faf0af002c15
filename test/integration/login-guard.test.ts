import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, type TestAgent } from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';

const PASSWORD = 'correct-horse-battery'; // what createAgent sets
const FAILURES_BEFORE_LOCK = 3;
const LOGINS_PER_ADDRESS = 5;

let cluster: Cluster;
let one: Instance;
let two: Instance;

beforeAll(async () => {
  cluster = await startCluster(2, {
    RATE_LIMIT_LOGIN_PER_MINUTE: String(LOGINS_PER_ADDRESS),
    LOGIN_FAILURES_BEFORE_LOCK: String(FAILURES_BEFORE_LOCK),
    LOGIN_FAILURE_WINDOW_MS: '60000',
    LOGIN_LOCK_BASE_MS: '1000',
    LOGIN_LOCK_MAX_MS: '2000',
  });
  [one, two] = cluster.instances as [Instance, Instance];
});
afterAll(() => cluster.close());

let addresses = 0;
/** A client address no other try has used, so the per-address limit stays out of the way. */
const freshAddress = () => `10.7.${Math.floor(++addresses / 250)}.${addresses % 250}`;

interface LoginTry {
  email: string;
  password: string;
  from?: string;
  via?: Instance;
  bearer?: string;
}

async function login({ email, password, from = freshAddress(), via = one, bearer }: LoginTry) {
  const reply = await via.app.inject({
    method: 'POST',
    url: '/v1/agents/login',
    remoteAddress: from,
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    payload: { email, password },
  });
  return { status: reply.statusCode, retryAfter: reply.headers['retry-after'], body: reply.json() };
}

/** An `alg: none` token whose subject is fresh on every call: what the old limiter counted by. */
function unsignedToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ sub: `forged-${Math.random()}`, aud: 'lifeline:agent' })}.`;
}

const refused = { status: 401, body: { error: { code: 'LIFELINE_UNAUTHENTICATED' } } };
const locked = (seconds: number) => ({
  status: 429,
  retryAfter: String(seconds),
  body: { error: { code: 'LIFELINE_RATE_LIMITED', retryAfterSeconds: seconds } },
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function failTimes(agent: { email: string }, times: number, via?: Instance) {
  for (let i = 0; i < times; i += 1)
    expect(await login({ email: agent.email, password: 'wrong-password', via })).toMatchObject(refused);
}

describe('agent login', () => {
  let agent: TestAgent;
  beforeAll(async () => {
    agent = await createAgent(one, cluster.config);
  });

  it('counts tries per client address, whatever bearer token they carry', async () => {
    const from = freshAddress();
    // Fresh emails each time, so only the address limit can stop them.
    const guess = (n: number) =>
      login({ email: `guess-${n}@example.test`, password: 'x', from, bearer: unsignedToken() });
    for (let n = 0; n < LOGINS_PER_ADDRESS; n += 1) expect(await guess(n)).toMatchObject(refused);
    const throttled = await guess(LOGINS_PER_ADDRESS);
    expect(throttled).toMatchObject({ status: 429, body: { error: { code: 'LIFELINE_RATE_LIMITED' } } });
    expect(throttled.body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(throttled.retryAfter).toBe(String(throttled.body.error.retryAfterSeconds));
    // The limit is the address's, not everyone's.
    expect(await login({ email: 'guess@example.test', password: 'x' })).toMatchObject(refused);
  });

  it('locks an account after repeated failures from any address on any instance, then lets it in', async () => {
    await failTimes(agent, 1, one);
    await failTimes({ email: agent.email.toUpperCase() }, 1, two); // the same account, normalised
    await failTimes({ email: ` ${agent.email} ` }, 1, one);
    // Locked everywhere: even the right password is not checked.
    expect(await login({ email: agent.email, password: PASSWORD, via: two })).toMatchObject(locked(1));
    expect(await login({ email: agent.email, password: PASSWORD, via: one })).toMatchObject(locked(1));
    await sleep(1100);
    expect(await login({ email: agent.email, password: PASSWORD, via: two })).toMatchObject({ status: 200 });
  });

  it('doubles each further lock up to the longest, and a success clears the count', async () => {
    const target = await createAgent(one, cluster.config);
    await failTimes(target, FAILURES_BEFORE_LOCK);
    expect(await login({ ...target, password: PASSWORD })).toMatchObject(locked(1));
    await sleep(1100);
    await failTimes(target, FAILURES_BEFORE_LOCK);
    expect(await login({ ...target, password: PASSWORD })).toMatchObject(locked(2));
    await sleep(1100);
    expect(
      await login({ ...target, password: PASSWORD }),
      'still locked after the first lock’s length',
    ).toMatchObject({ status: 429 });
    await sleep(1100);
    await failTimes(target, FAILURES_BEFORE_LOCK);
    expect(await login({ ...target, password: PASSWORD }), 'capped at LOGIN_LOCK_MAX_MS').toMatchObject(
      locked(2),
    );
    await sleep(2100);

    // A success forgets the failures: as many again do not lock the account.
    expect(await login({ ...target, password: PASSWORD })).toMatchObject({ status: 200 });
    await failTimes(target, FAILURES_BEFORE_LOCK - 1);
    expect(await login({ ...target, password: PASSWORD })).toMatchObject({ status: 200 });
    await failTimes(target, FAILURES_BEFORE_LOCK - 1);
    expect(await login({ ...target, password: PASSWORD })).toMatchObject({ status: 200 });
  });

  it('treats an unknown email exactly like a wrong password', async () => {
    const known = await createAgent(one, cluster.config);
    const unknown = { email: `nobody-${Date.now()}@example.test` };
    for (let i = 0; i < FAILURES_BEFORE_LOCK; i += 1) {
      const [a, b] = [
        await login({ ...known, password: 'wrong-password' }),
        await login({ ...unknown, password: 'wrong-password' }),
      ];
      expect(b).toEqual(a);
    }
    const [a, b] = [
      await login({ ...known, password: 'wrong-password' }),
      await login({ ...unknown, password: 'wrong-password' }),
    ];
    expect(a).toMatchObject(locked(1));
    expect(b).toEqual(a);
  });

  it('checks no more passwords than the threshold when a burst arrives at once', async () => {
    const target = await createAgent(one, cluster.config);
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        login({ email: target.email, password: `guess-${i}`, via: i % 2 ? one : two }),
      ),
    );
    const statuses = burst.map((reply) => reply.status).sort();
    expect(statuses).toEqual([
      ...Array<number>(FAILURES_BEFORE_LOCK).fill(401),
      ...Array<number>(12 - FAILURES_BEFORE_LOCK).fill(429),
    ]);
    expect(await login({ ...target, password: PASSWORD })).toMatchObject({ status: 429 });
  });
});
