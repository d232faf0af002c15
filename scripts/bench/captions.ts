import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dispose } from '@livekit/rtc-node';
import { Redis } from 'ioredis';
import { LiveKitMedia } from '../../media/LiveKitMedia.js';
import { CaptionsJobs } from '../../platform/jobs/captions.js';
import { loadWorkerConfig } from '../../worker/config.js';
import { joinCaptionedCall, matchToBursts } from '../../test/support/captionsCall.js';
import { startWorker, type WorkerProcess } from '../../test/support/workers.js';
import { startLiveKitDevServer } from '../lib/livekit-dev-server.js';
import { freePort } from '../lib/ports.js';
import type { Burst, SpokenBurst } from '../lib/speechBursts.js';
import { benchEnv, deletePrefix } from './stack.js';
import { percentile } from './latency.js';

/** A conversation: the user's turns (~10 s of speech in six) and the agent's replies between them. */
const USER_TURNS = [1500, 2200, 1200, 2800, 1800, 1000];
const AGENT_TURNS = [1000, 1600, 900, 2000, 1200, 800];
const PAUSE_MS = 800;
const turn = (speechMs: number): Burst[] => [{ speechMs, silenceMs: PAUSE_MS }];
const CLOCK_TICKS = 100; // USER_HZ on Linux

export interface RoundResult {
  calls: number;
  bursts: number;
  captioned: number;
  /** From the worker's job results: utterances cut, merged into another, dropped under load. */
  utterances: number;
  merged: number;
  dropped: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  cpuSecondsPerCallMinute: number;
  seconds: number;
}

/** User, system and waited-for children's (whisper.cpp's) CPU seconds of a process. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / CLOCK_TICKS;
}

/** Until no caption has arrived for 3 s (whisper.cpp may still be on the last bursts), at most 15 s. */
async function lastCaptions(heard: unknown[][]): Promise<void> {
  const count = () => heard.reduce((n, list) => n + list.length, 0);
  let seen = count();
  let quietSince = Date.now();
  for (const deadline = Date.now() + 15_000; Date.now() < deadline && Date.now() - quietSince < 3_000;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (count() !== seen) [seen, quietSince] = [count(), Date.now()];
  }
}

/** The finished jobs' counts for these sessions, summed (the worker logs ids and counts only). */
async function jobResults(worker: WorkerProcess, sessions: string[]) {
  const done = () =>
    worker.lines.filter((l) => l.includes('captions job completed') && sessions.some((id) => l.includes(id)));
  for (const deadline = Date.now() + 10_000; done().length < sessions.length && Date.now() < deadline;)
    await new Promise((resolve) => setTimeout(resolve, 200));
  const sum = { utterances: 0, merged: 0, dropped: 0 };
  for (const line of done()) {
    const { result } = JSON.parse(line) as { result: typeof sum };
    for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += result[key];
  }
  return sum;
}

/** `calls` concurrent calls, each side talking; every burst's caption timed at the agent side. */
async function round(
  calls: number,
  setup: { media: LiveKitMedia; url: string; jobs: CaptionsJobs; worker: WorkerProcess },
): Promise<RoundResult> {
  const { media, url, jobs, worker } = setup;
  const sessions = Array.from({ length: calls }, () => randomUUID());
  const joinedBefore = worker.lines.filter((l) => l.includes('captions joined the call')).length;
  const rooms = await Promise.all(
    sessions.map(async (sessionId, i) => {
      const room = `lifeline-${sessionId}`;
      await media.createRoom(room);
      await jobs.enqueue({ sessionId, room });
      return joinCaptionedCall(media, url, room, { requestId: `r${i}`, agentId: `a${i}` });
    }),
  );
  const joined = () =>
    worker.lines.filter((l) => l.includes('captions joined the call')).length - joinedBefore;
  for (const deadline = Date.now() + 30_000; joined() < calls && Date.now() < deadline;)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const pid = worker.child.pid!;
  const cpuBefore = cpuSeconds(pid);
  const started = Date.now();
  // Turn by turn, each call starting a little after the one before, as calls would.
  const spoken = await Promise.all(
    rooms.map(async (call, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * 737) % 3000));
      const said = { user: [] as SpokenBurst[], agent: [] as SpokenBurst[] };
      for (const [t, speechMs] of USER_TURNS.entries()) {
        said.user.push(...(await call.says('user', turn(speechMs))));
        said.agent.push(...(await call.says('agent', turn(AGENT_TURNS[t]!))));
      }
      return said;
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  // The tail's whisper runs are this talk's cost too.
  await lastCaptions(rooms.map((call) => call.agentHeard));
  const cpu = cpuSeconds(pid) - cpuBefore;
  const latencies = spoken.flatMap((said, i) => [
    ...matchToBursts('user', said.user, rooms[i]!.agentHeard),
    ...matchToBursts('agent', said.agent, rooms[i]!.agentHeard),
  ]);
  for (const call of rooms) await call.leave();
  await Promise.all(sessions.map((id) => media.deleteRoom(`lifeline-${id}`)));
  const backlog = await jobResults(worker, sessions);
  // A burst without a caption counts as never captioned: it cannot hide in the percentiles.
  const times = latencies.map((m) => m.latencyMs ?? Number.POSITIVE_INFINITY);
  return {
    calls,
    bursts: times.length,
    captioned: latencies.filter((m) => m.caption).length,
    p50Ms: Math.round(percentile(times, 50)),
    p95Ms: Math.round(percentile(times, 95)),
    maxMs: Math.round(Math.max(...times)),
    ...backlog,
    cpuSecondsPerCallMinute: Math.round((cpu / calls / (seconds / 60)) * 100) / 100,
    seconds: Math.round(seconds),
  };
}

/**
 * Real LiveKit, a real worker process with captions on, and `calls` concurrent calls of two node
 * participants: N = 1, 2, 4, … until p95 passes `goalP95Ms` or the time budget is spent.
 */
export async function benchCaptions(options: {
  goalP95Ms: number;
  budgetMs: number;
  onProgress: (line: string) => void;
}): Promise<{
  rounds: RoundResult[];
  largestCallsWithinGoal: number;
  whisperThreads: number;
  model: string;
}> {
  const apiKey = 'benchkey';
  const apiSecret = 'bench-secret-long-enough-for-livekit';
  const livekit = await startLiveKitDevServer({
    port: await freePort(),
    rtcTcpPort: await freePort(),
    udpPortStart: 52200,
    udpPortEnd: 52400,
    apiKey,
    apiSecret,
    output: '/dev/null',
  });
  const env = benchEnv('captions', {
    LIVE_CAPTIONS: 'true',
    CAPTIONS_CONCURRENCY: '64',
    // The bench's rooms belong to no request whose language the worker could read.
    CAPTIONS_FALLBACK_LANGUAGE: 'en',
    LIVEKIT_URL: livekit.url,
    LIVEKIT_API_KEY: apiKey,
    LIVEKIT_API_SECRET: apiSecret,
  });
  const config = loadWorkerConfig(env);
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const jobs = new CaptionsJobs(redis, config.keyPrefix, { attempts: 1, backoffMs: 1000 });
  const media = new LiveKitMedia({
    url: livekit.url,
    publicUrl: livekit.url,
    apiKey,
    apiSecret,
    tokenTtlSeconds: 600,
  });
  const worker = await startWorker(env, 60_000);
  const rounds: RoundResult[] = [];
  const started = Date.now();
  try {
    for (let calls = 1; Date.now() - started < options.budgetMs; calls *= 2) {
      const result = await round(calls, { media, url: livekit.url, jobs, worker });
      rounds.push(result);
      options.onProgress(
        `${calls} call(s): p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, max ${result.maxMs} ms, ${result.captioned}/${result.bursts} captioned (${result.merged} merged, ${result.dropped} dropped), ${result.cpuSecondsPerCallMinute} CPU s per call-minute`,
      );
      if (result.captioned === 0) options.onProgress(`worker said:\n${worker.lines.slice(-12).join('\n')}`);
      if (result.p95Ms >= options.goalP95Ms) break;
    }
  } finally {
    await worker.stop();
    await jobs.close();
    await deletePrefix(redis, config.keyPrefix);
    redis.disconnect();
    await livekit.stop();
    await dispose();
  }
  const within = rounds.filter((r) => r.p95Ms < options.goalP95Ms).map((r) => r.calls);
  return {
    rounds,
    largestCallsWithinGoal: within.length ? Math.max(...within) : 0,
    whisperThreads: config.captions.whisperThreads,
    model: config.whisper.model.split('/').at(-1)!,
  };
}
