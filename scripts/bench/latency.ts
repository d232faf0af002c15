import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { REPO_ROOT } from '../lib/paths.js';
import { freePort } from '../lib/ports.js';

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Latency {
  p50: number;
  p99: number;
  samples: number;
}

export function summarise(samples: number[]): Latency {
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), samples: samples.length };
}

/**
 * Round trips through a bare `ws` echo server (echoServer.ts) in its own process, from `clients`
 * sockets each sending one frame, waiting for it back, then pausing `gapMs`, for `ms`.
 */
export async function echoBaseline(clients: number, ms: number, gapMs = 20): Promise<Latency> {
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/echoServer.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
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
          socket.send('{"type":"message","body":"echo"}');
          await new Promise((resolve) => socket.once('message', resolve));
          samples.push(performance.now() - sent);
          await sleep(gapMs);
        }
        socket.close();
      }),
    );
    return summarise(samples);
  } finally {
    server.kill('SIGKILL');
  }
}
