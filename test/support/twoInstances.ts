import { afterAll, beforeAll } from 'vitest';
import { startCluster, type Cluster, type Instance } from './cluster.js';
import type { RedisEnv } from './redis-cluster.js';

/** Two API instances, A and B, over one Redis setup; filled in once the suite has started. */
export interface InstancePair {
  cluster: Cluster;
  a: Instance;
  b: Instance;
}

/**
 * Starts two instances before a suite's tests and closes them after. Returns an object rather than
 * the instances themselves, because they exist only once beforeAll has run.
 */
export function twoInstances(redis: RedisEnv, env: Record<string, string>): InstancePair {
  const pair = {} as InstancePair;
  beforeAll(async () => {
    pair.cluster = await startCluster(2, { ...redis(), ...env });
    [pair.a, pair.b] = pair.cluster.instances as [Instance, Instance];
  });
  afterAll(() => pair.cluster.close());
  return pair;
}
