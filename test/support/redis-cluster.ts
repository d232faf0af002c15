import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort } from '../../scripts/lib/ports.js';

const run = promisify(execFile);

/**
 * Which Redis a suite's API instances and workers use, as environment overrides. Read when the
 * suite starts (in beforeAll), since a cluster's ports are known only once it runs.
 */
export type RedisEnv = () => Record<string, string>;

/** The Redis every test file uses unless told otherwise: 127.0.0.1:6379 (see testEnv). */
export const singleRedis: RedisEnv = () => ({});

export interface RedisClusterOptions {
  masters?: number;
  /** Bound on the whole start: processes up, slots assigned, every node reporting cluster_state:ok. */
  startTimeoutMs?: number;
}

interface NodePorts {
  port: number;
  busPort: number;
}

async function until(what: string, deadline: number, check: () => Promise<boolean>): Promise<void> {
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Redis Cluster: ${what} timed out`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs one check on a fresh connection to one node; refused connections count as "not yet". */
async function ask(port: number, check: (client: Redis) => Promise<boolean>): Promise<boolean> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return await check(client);
  } finally {
    client.disconnect();
  }
}

/**
 * Kills the nodes and removes their directory if the test process dies without stopping them (a
 * SIGKILLed runner), so no cluster outlives the run. Paths and pids are positional parameters,
 * never parsed as shell code.
 */
function watchdog(pids: number[], dir: string): ChildProcess {
  const script =
    'parent=$1; dir=$2; shift 2; while kill -0 "$parent" 2>/dev/null; do sleep 1; done; kill -9 "$@"; rm -rf "$dir"';
  const args = [String(process.pid), dir, ...pids.map(String)];
  return spawn('sh', ['-c', script, 'lifeline-redis-cluster-watchdog', ...args], { stdio: 'ignore' });
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals, graceMs = 2000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/**
 * A real Redis Cluster of loopback `redis-server` processes in cluster mode, one master each and
 * no replicas, with its node files in a temporary directory. Every wait is bounded.
 */
export class LocalRedisCluster {
  private servers: ChildProcess[] = [];
  private guard: ChildProcess | undefined;
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly dir: string,
    private readonly ports: NodePorts[],
  ) {}

  static async start(options: RedisClusterOptions = {}): Promise<LocalRedisCluster> {
    const { masters = 3, startTimeoutMs = 20_000 } = options;
    const deadline = Date.now() + startTimeoutMs;
    const ports: NodePorts[] = [];
    // The bus port is chosen too: port + 10000 may be taken, or past 65535.
    for (let i = 0; i < masters; i += 1) ports.push({ port: await freePort(), busPort: await freePort() });
    const cluster = new LocalRedisCluster(mkdtempSync(join(tmpdir(), 'lifeline-redis-cluster-')), ports);
    try {
      await cluster.spawnNodes(deadline);
      const create = ['--cluster', 'create', ...cluster.nodes, '--cluster-replicas', '0', '--cluster-yes'];
      await run('redis-cli', create, { timeout: Math.max(1000, deadline - Date.now()) });
      await cluster.untilOk(deadline);
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  /** Seeds as operators give them: `127.0.0.1:PORT`. */
  get nodes(): string[] {
    return this.ports.map(({ port }) => `127.0.0.1:${port}`);
  }

  /** Settings that point Lifeline at this cluster, with a fresh hash-tagged key prefix each call. */
  env(): Record<string, string> {
    return {
      REDIS_CLUSTER_NODES: this.nodes.join(','),
      REDIS_KEY_PREFIX: `{lifeline-test-${randomBytes(6).toString('hex')}}:`,
    };
  }

  /** Every master dies at once, as in a power cut; the node files stay for restart(). */
  async kill(): Promise<void> {
    await Promise.all(this.servers.map((child) => stopProcess(child, 'SIGKILL')));
  }

  /** The same nodes on the same ports with the same node files: the same cluster, without data. */
  async restart(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await this.kill();
    await this.spawnNodes(deadline);
    await this.untilOk(deadline);
  }

  /** Stops every node and removes its files; safe to call more than once. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await Promise.all(this.servers.map((child) => stopProcess(child, 'SIGTERM')));
      this.guard?.kill('SIGKILL');
      rmSync(this.dir, { recursive: true, force: true });
    })();
    return this.stopping;
  }

  private async spawnNodes(deadline: number): Promise<void> {
    this.servers = this.ports.map(({ port, busPort }) =>
      spawn(
        'redis-server',
        [
          ...['--port', String(port), '--bind', '127.0.0.1', '--dir', this.dir],
          ...['--cluster-enabled', 'yes', '--cluster-port', String(busPort)],
          ...['--cluster-config-file', join(this.dir, `nodes-${port}.conf`)],
          ...['--save', '', '--appendonly', 'no', '--logfile', join(this.dir, `redis-${port}.log`)],
        ],
        { stdio: 'ignore' },
      ),
    );
    this.guard?.kill('SIGKILL');
    this.guard = watchdog(
      this.servers.map((child) => child.pid!),
      this.dir,
    );
    for (const { port } of this.ports)
      await until(`redis-server on ${port} to answer`, deadline, () =>
        ask(port, async (client) => (await client.ping()) === 'PONG'),
      );
  }

  private async untilOk(deadline: number): Promise<void> {
    for (const { port } of this.ports)
      await until(`node ${port} to report cluster_state:ok`, deadline, () =>
        ask(port, async (client) => String(await client.cluster('INFO')).includes('cluster_state:ok')),
      );
  }
}

export const startRedisCluster = (options?: RedisClusterOptions) => LocalRedisCluster.start(options);
