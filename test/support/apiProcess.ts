import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { freePort } from '../../scripts/lib/ports.js';
import type { Endpoint } from './clients.js';

export interface ApiProcess extends Endpoint {
  child: ChildProcess;
  lines: string[];
  /** kill -9: no drain, no clean-up, as a crashed host or an OOM kill. */
  crash(): Promise<void>;
}

/** A real API process (server/server.ts) on a free port, ready when /readyz answers 200. */
export async function startApiProcess(
  env: Record<string, string>,
  readyTimeoutMs = 20_000,
): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!])
    createInterface({ input: stream }).on('line', (line) => lines.push(line));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API process did not start:\n${lines.slice(-10).join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    lines,
    url,
    wsUrl: `ws://127.0.0.1:${port}/v1/ws`,
    async crash() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * Two API processes on the same settings, for a fault test's doomed and surviving instance. If
 * either fails to start, the other is killed before the error is thrown: a failed beforeAll
 * leaves its handles unset, so afterAll could not reach it and it would outlive the suite.
 */
export async function startApiPair(
  env: Record<string, string>,
  readyTimeoutMs?: number,
): Promise<[ApiProcess, ApiProcess]> {
  const started = await Promise.allSettled([
    startApiProcess(env, readyTimeoutMs),
    startApiProcess(env, readyTimeoutMs),
  ]);
  const [first, second] = started;
  if (first.status === 'fulfilled' && second.status === 'fulfilled') return [first.value, second.value];
  await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.crash() : undefined)));
  throw started.find((s): s is PromiseRejectedResult => s.status === 'rejected')!.reason;
}

/** Polls until the check passes; returns how long it took (ms). */
export async function within(timeoutMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return performance.now() - started;
}
