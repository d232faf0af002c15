import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { REPO_ROOT } from './paths.js';

/** What Redis did while a load scenario ran: commands per second, overall and at the busiest sample. */
export interface RedisOpsFigures {
  seconds: number;
  commands: number;
  meanOpsPerSecond: number;
  peakOpsPerSecond: number;
}

const SAMPLE_MS = 5000;

function statsOf(info: string): { total: number; instantaneous: number } {
  const read = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);
  return { total: read('total_commands_processed'), instantaneous: read('instantaneous_ops_per_sec') };
}

/**
 * Samples the Redis server's command counters beside a k6 run (k6 cannot reach Redis). The mean
 * is the commands processed between the first and last sample over the time between them; the
 * peak is Redis's own instantaneous figure at the busiest sample. Counts every client of that
 * server, so it is the stack's load only on a machine running nothing else against it.
 */
export function sampleRedisOps(url: string): { stop(): Promise<RedisOpsFigures | null> } {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  let first: { at: number; total: number } | null = null;
  let last: { at: number; total: number } | null = null;
  let peak = 0;
  const sample = async () => {
    const stats = statsOf(await redis.info('stats'));
    const point = { at: Date.now(), total: stats.total };
    first ??= point;
    last = point;
    peak = Math.max(peak, stats.instantaneous);
  };
  const started = redis.connect().then(sample);
  const timer = setInterval(() => void sample().catch(() => {}), SAMPLE_MS);
  return {
    async stop() {
      clearInterval(timer);
      try {
        await started;
        await sample();
      } catch {
        return null;
      } finally {
        redis.disconnect();
      }
      if (!first || !last) return null;
      const { at: t0, total: c0 } = first;
      const { at: t1, total: c1 } = last;
      const seconds = Math.max(1, (t1 - t0) / 1000);
      return { seconds, commands: c1 - c0, meanOpsPerSecond: (c1 - c0) / seconds, peakOpsPerSecond: peak };
    },
  };
}

/** Beside k6's own results: bench/results/<scenario>-redis.json, and a line in <scenario>.md. */
export function writeRedisFigures(scenario: string, figures: RedisOpsFigures | null): void {
  if (!figures) return;
  const dir = join(REPO_ROOT, 'bench', 'results');
  writeFileSync(join(dir, `${scenario}-redis.json`), `${JSON.stringify(figures, null, 2)}\n`);
  const md = join(dir, `${scenario}.md`);
  const line =
    `\nRedis (sampled every ${SAMPLE_MS / 1000} s beside the run): ${Math.round(figures.meanOpsPerSecond)} ` +
    `commands/s on average over ${Math.round(figures.seconds)} s, ${figures.peakOpsPerSecond} at the busiest sample.\n`;
  if (existsSync(md)) appendFileSync(md, line);
  console.log(line);
}
