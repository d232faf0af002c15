import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { REPO_ROOT } from '../lib/paths.js';

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/\d+/)?.[0] ?? 0) / 1024;
}

function lines(child: ChildProcess, onLine: (line: string) => void) {
  createInterface({ input: child.stdout! }).on('line', onLine);
}

/** P2: sockets one API process holds, its resident memory, and ping/pong throughput meanwhile. */
export async function benchSockets(options: {
  sockets: number;
  clients: number;
  pingers: number;
  pingMs: number;
  onProgress: (line: string) => void;
}) {
  const port = 20_000 + Math.floor(Math.random() * 10_000);
  const prefix = `lifeline-bench-ws:${randomBytes(4).toString('hex')}:`;
  const secret = randomBytes(32).toString('hex');
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    REDIS_KEY_PREFIX: prefix,
    LIFELINE_SECRET: secret,
    WS_MAX_MESSAGES_PER_10S: '100000',
    QUEUE_UPDATE_INTERVAL_MS: '1000',
  };
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const children: ChildProcess[] = [server];
  try {
    for (let i = 0; i < 100; i += 1) {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const idleRss = rssMiB(server.pid!);
    const per = Math.ceil(options.sockets / options.clients);
    let opened = 0;
    let failed = 0;
    let pongs = 0;
    let openMs = 0;
    let peakRss = idleRss;
    await new Promise<void>((resolve) => {
      let reported = 0;
      for (let c = 0; c < options.clients; c += 1) {
        const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/socketClients.ts'], {
          cwd: REPO_ROOT,
          env: {
            ...env,
            COUNT: String(per),
            CLIENT: String(c),
            WS_URL: `ws://127.0.0.1:${port}/v1/ws`,
            PINGERS: String(Math.ceil(options.pingers / options.clients)),
            PING_MS: String(options.pingMs),
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        children.push(child);
        lines(child, (line) => {
          const [kind, a, b, ms] = line.split(' ');
          if (kind === 'OPEN') {
            opened += Number(a);
            failed += Number(b);
            openMs = Math.max(openMs, Number(ms));
            peakRss = Math.max(peakRss, rssMiB(server.pid!));
            options.onProgress(
              `client ${c}: ${a} sockets open in ${ms} ms (${b} failed); API RSS ${peakRss.toFixed(0)} MiB`,
            );
          }
          if (kind === 'PONGS') {
            pongs += Number(a);
            peakRss = Math.max(peakRss, rssMiB(server.pid!));
            if (++reported === options.clients) resolve();
          }
        });
      }
    });
    return {
      sockets: opened,
      failed,
      openSeconds: openMs / 1000,
      idleRssMiB: Math.round(idleRss),
      peakRssMiB: Math.round(peakRss),
      kibPerSocket: Math.round(((peakRss - idleRss) * 1024) / Math.max(1, opened)),
      pingPongPerSecond: Math.round(pongs / (options.pingMs / 1000)),
    };
  } finally {
    for (const child of children) child.kill('SIGKILL');
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    redis.disconnect();
  }
}
