import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface WorkerProcess {
  child: ChildProcess;
  lines: string[];
  /** SIGKILL to the whole process group: the worker and the whisper.cpp it is running. */
  kill(): Promise<void>;
  /** SIGTERM, as an orchestrator would: the worker drains, then exits. */
  stop(graceMs?: number): Promise<number | null>;
}

/** A real worker process (worker/main.ts) with the given environment, ready when it says so. */
export async function startWorker(
  env: Record<string, string>,
  readyTimeoutMs = 20_000,
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!])
    createInterface({ input: stream }).on('line', (line) => lines.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killGroup = () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (!lines.some((l) => l.includes('worker connected'))) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`worker did not start:\n${lines.slice(-10).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    child,
    lines,
    async kill() {
      killGroup();
      await exited;
    },
    /** Drains like production, but never holds a test up: SIGKILL after the grace period. */
    async stop(graceMs = 10_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(killGroup, graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
