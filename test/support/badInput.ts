import { expect } from 'vitest';
import { LifelineTokens } from '../../server/auth/LifelineTokens.js';
import type { Config } from '../../server/config/load.js';
import {
  api,
  createAgent,
  createHelpRequest,
  platformToken,
  type Endpoint,
  type TestAgent,
} from './clients.js';
import { startCluster, type Cluster, type Instance } from './cluster.js';

/** One instance with limits small enough that a test crosses them cheaply. */
export function startGuardedCluster(): Promise<Cluster> {
  return startCluster(1, {
    WS_MAX_MESSAGE_BYTES: '1024',
    WS_MAX_MESSAGES_PER_10S: '30',
    HTTP_BODY_LIMIT_BYTES: '8192',
  });
}

/** The credentials a bad request may present, made once per suite. */
export interface Credentials {
  platform: string;
  request: string;
  agent: string;
  unsignedAgent: string;
  expiredAgent: string;
  deletedAgent: string;
  garbage: string;
}

/** An `alg: none` token: every claim an agent token carries, and no signature. */
function unsignedToken(sub: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: 'lifeline', aud: 'lifeline:agent', sub, iat: now, exp: now + 600 })}.`;
}

/** Every kind of credential, good and bad; `deleted` is an agent removed after it logged in. */
export async function makeCredentials(
  app: Instance,
  config: Config,
): Promise<{ credentials: Credentials; requestId: string; deleted: TestAgent }> {
  const request = await createHelpRequest(app, config, { language: 'en' });
  const agent = await createAgent(app, config);
  const deleted = await createAgent(app, config);
  await app.app.lifeline.agents.remove(deleted.id);
  const past = new LifelineTokens(
    config.secrets.signing,
    { agentSeconds: 60, requestSeconds: 60 },
    () => Date.now() - 3_600_000,
  );
  const credentials = {
    platform: await platformToken(config),
    request: request.accessToken,
    agent: agent.token,
    unsignedAgent: unsignedToken(agent.id),
    expiredAgent: await past.signAgent(agent.id),
    deletedAgent: deleted.token,
    garbage: 'not-a-token',
  };
  return { credentials, requestId: request.id, deleted };
}

/** After a suite's bad input: the instance is still healthy and ready, and takes a request. */
export async function expectStillServing(app: Endpoint, config: Config): Promise<void> {
  expect((await api(app, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
  expect((await api(app, 'GET', '/readyz')).body).toEqual({
    status: 'ready',
    redis: 'up',
    database: 'up',
    livekit: 'up',
  });
  await createHelpRequest(app, config, { language: 'en' });
}
