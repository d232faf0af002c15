/**
 * `npm run bench`: figures measured in one run on this machine, each against a baseline from the
 * same run. Goals live here; a missed goal is reported and makes the exit code 1.
 *   voice  — upload → scored through API, BullMQ and a worker, over whisper.cpp run directly on
 *            the same audio with the same options (goal ≤ 1.10); and whisper's real-time factor.
 *   scorer — messages scored per second.
 *   cases — help requests created per second over HTTP with PostgreSQL, over bare INSERTs.
 *   rebuild — time to rebuild the Redis queue from 100,000 open cases in PostgreSQL.
 *   messages — a conversation line from one API instance to the other side's socket on another.
 * Writes bench/results/latest.json and latest.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchScorer } from './bench/scorer.js';
import { benchSimulator } from './bench/simulator.js';
import { pairingChartSvg } from './bench/chart.js';
import { benchEnqueue } from './bench/enqueue.js';
import { benchPairing } from './bench/pairing.js';
import { benchDispatchCost, dispatchCostMarkdown } from './bench/dispatchCost.js';
import { benchScaleOut } from './bench/scaleout.js';
import { benchSockets } from './bench/sockets.js';
import { benchVoicePipeline } from './bench/voice.js';
import { benchCaseCreation } from './bench/cases.js';
import { benchQueueRebuild } from './bench/rebuild.js';
import { benchMessageDelivery } from './bench/messages.js';
import { REPO_ROOT } from './lib/paths.js';
import { writeResults, type Figure } from './bench/report.js';

const GOALS = {
  pairP99Ms: 25,
  pairOverEcho: 3,
  starvationOfferP99Ms: 50,
  dispatchCostGrowth: 2,
  sockets: 20_000,
  socketsRssMiB: 1536,
  enqueueOverBullmq: 0.5,
  voiceOverheadRatio: 1.1,
  scorerMessagesPerSecond: 10_000,
  simulatorEventsPerSecond: 1_000_000,
  erlangCError: 0.05,
  cobhamError: 0.1,
  casesPerSecond: 1000,
  rebuildSeconds: 10,
  messageP99Ms: 50,
};

const RESULTS = join(REPO_ROOT, 'bench', 'results');
const figures: Figure[] = [];
const raw: Record<string, unknown> = {};

/** Each group measures one thing; `npm run bench -- p1 dispatch` runs only those named. */
const GROUPS: Record<string, () => Promise<void>> = {
  scorer: async () => {
    console.log('[bench] scorer throughput');
    const scorer = benchScorer(2_000);
    figures.push({
      name: 'scorer throughput',
      value: scorer.messagesPerSecond,
      unit: 'messages/s',
      goal: `≥ ${GOALS.scorerMessagesPerSecond}`,
      met: scorer.messagesPerSecond >= GOALS.scorerMessagesPerSecond,
      baseline: `${scorer.microsecondsPerMessage.toFixed(1)} µs per message`,
    });
    raw.scorer = scorer;
  },
  p1: async () => {
    console.log(
      '[bench] P1 time to pair: 2 API instances, 300 agents, 200 and 2,000 waiting (about a minute)',
    );
    const pairing = await benchPairing({
      agents: 300,
      levels: [200, 2000],
      sessionMs: [1000, 2000],
      measureMs: 10_000,
      onProgress: (line) => console.log(`  ${line}`),
    });
    const heavy = pairing.levels.at(-1)!;
    figures.push({
      name: 'P1 time to pair p99 (2,000 waiting, 300 agents)',
      value: heavy.p99,
      unit: 'ms',
      goal: `< ${GOALS.pairP99Ms} ms`,
      met: heavy.p99 < GOALS.pairP99Ms,
      baseline: `p50 ${heavy.p50.toFixed(1)} ms over ${heavy.samples} pairings`,
    });
    figures.push({
      name: 'P1 time to pair p99 over bare ws echo p99',
      value: heavy.p99 / pairing.echo.p99,
      unit: '×',
      goal: `≤ ${GOALS.pairOverEcho}×`,
      met: heavy.p99 / pairing.echo.p99 <= GOALS.pairOverEcho,
      baseline: `echo p50 ${pairing.echo.p50.toFixed(2)} ms, p99 ${pairing.echo.p99.toFixed(2)} ms`,
    });
    raw.pairing = pairing;
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'time-to-pair.svg'), pairingChartSvg(pairing.levels, pairing.echo.p99));
  },
  p2: async () => {
    console.log('[bench] P2 WebSockets held by one API process');
    const sockets = await benchSockets({
      sockets: 19_000,
      clients: 2,
      pingers: 1000,
      pingMs: 5000,
      onProgress: (line) => console.log(`  ${line}`),
    });
    figures.push({
      name: 'P2 concurrent WebSockets on one API process',
      value: sockets.sockets,
      unit: 'sockets',
      goal: `${GOALS.sockets}`,
      met: sockets.sockets >= GOALS.sockets,
      baseline: `this sandbox caps open files at 20,000 per process; ${sockets.failed} failed`,
    });
    figures.push({
      name: 'P2 API resident memory at that count',
      value: sockets.peakRssMiB,
      unit: 'MiB',
      goal: `< ${GOALS.socketsRssMiB} MiB`,
      met: sockets.peakRssMiB < GOALS.socketsRssMiB,
      baseline: `idle ${sockets.idleRssMiB} MiB; ${sockets.kibPerSocket} KiB per socket`,
    });
    figures.push({
      name: 'P2 ping/pong throughput while holding them',
      value: sockets.pingPongPerSecond,
      unit: 'messages/s',
      goal: 'report',
      met: true,
      baseline: '1,000 sockets ping-ponging',
    });
    raw.sockets = sockets;
  },
  p6: async () => {
    console.log('[bench] P6 enqueue through Redis against raw BullMQ add');
    const enqueue = await benchEnqueue('redis://127.0.0.1:6379');
    figures.push({
      name: 'P6 enqueue throughput over BullMQ add',
      value: enqueue.ratio,
      unit: '×',
      goal: `≥ ${GOALS.enqueueOverBullmq}`,
      met: enqueue.ratio >= GOALS.enqueueOverBullmq,
      baseline: `${enqueue.lifelinePerSecond}/s vs BullMQ add ${enqueue.bullmqAddPerSecond}/s at concurrency ${enqueue.concurrency}`,
    });
    raw.enqueue = enqueue;
  },
  scaleout: async () => {
    console.log('[bench] scale-out: help requests created per second, one API process then two');
    const scale = await benchScaleOut();
    figures.push({
      name: 'scale-out: creates/s with two API processes over one',
      value: scale.growth,
      unit: '×',
      goal: '> 1',
      met: scale.growth > 1,
      baseline: `${scale.onePerSecond}/s with one, ${scale.twoPerSecond}/s with two, same Redis`,
    });
    raw.scale = scale;
  },
  p3: async () => {
    console.log('[bench] P3 simulator over the routing core (simulated time)');
    const sim = benchSimulator();
    figures.push({
      name: 'P3 simulator throughput',
      value: sim.eventsPerSecond,
      unit: 'events/s',
      goal: `> ${GOALS.simulatorEventsPerSecond}`,
      met: sim.eventsPerSecond > GOALS.simulatorEventsPerSecond,
      baseline: 'slowest of four loads, 10 agents',
    });
    figures.push({
      name: 'P3 M/M/c ASA vs Erlang C',
      value: sim.maxErlangCError * 100,
      unit: '% worst error',
      goal: `≤ ${GOALS.erlangCError * 100}%`,
      met: sim.maxErlangCError <= GOALS.erlangCError,
      baseline: sim.erlangC
        .map(
          (l) => `ρ=${l.rho}: ${l.simulatedAsaSeconds.toFixed(1)} s vs ${l.erlangCAsaSeconds.toFixed(1)} s`,
        )
        .join('; '),
    });
    figures.push({
      name: 'P3 priority waits vs Cobham',
      value: sim.maxCobhamError * 100,
      unit: '% worst error',
      goal: `≤ ${GOALS.cobhamError * 100}%`,
      met: sim.maxCobhamError <= GOALS.cobhamError,
      baseline: sim.cobham
        .map((c) => `${c.class}: ${c.simulatedSeconds.toFixed(1)} s vs ${c.cobhamSeconds.toFixed(1)} s`)
        .join('; '),
    });
    figures.push({
      name: 'ETA error (position × AHT / agents)',
      value: sim.eta.relativeToMeanWait * 100,
      unit: '% of mean wait (MAE)',
      goal: 'report',
      met: true,
      baseline: `MAE ${sim.eta.meanAbsoluteErrorSeconds.toFixed(1)} s, bias ${sim.eta.biasSeconds.toFixed(1)} s over ${sim.eta.samples} waits`,
    });
    raw.simulator = sim;
  },
  voice: async () => {
    console.log(
      '[bench] voice pipeline against whisper.cpp alone (a few runs; each transcribes 20 s of audio)',
    );
    const voice = await benchVoicePipeline({
      audioSeconds: 20,
      runs: 5,
      onProgress: (line) => console.log(`  ${line}`),
    });
    figures.push({
      name: 'voice pipeline overhead',
      value: voice.ratio,
      unit: '× whisper alone',
      goal: `≤ ${GOALS.voiceOverheadRatio}`,
      met: voice.ratio <= GOALS.voiceOverheadRatio,
      baseline: `pipeline ${voice.pipelineMs} ms vs whisper.cpp ${voice.whisperMs} ms (medians)`,
    });
    figures.push({
      name: 'whisper real-time factor',
      value: voice.realTimeFactor,
      unit: '× audio length',
      goal: 'report',
      met: true,
      baseline: `${voice.model}, ${voice.threads} threads, ${voice.audioSeconds} s audio`,
    });
    raw.voice = voice;
  },
  starvation: async () => {
    console.log('[bench] starvation: 100,000 waiting, the 1,000 most urgent servable by nobody online');
    const starved = await benchPairing({
      agents: 100,
      levels: [100_000],
      seed: { servable: 99_000, unservable: 1000 },
      sessionMs: [1000, 2000],
      measureMs: 10_000,
      onProgress: (line) => console.log(`  ${line}`),
    });
    const level = starved.levels[0]!;
    figures.push({
      name: 'time to offer p99 behind 1,000 unservable (100,000 waiting)',
      value: level.p99,
      unit: 'ms',
      goal: `< ${GOALS.starvationOfferP99Ms} ms`,
      met: level.p99 < GOALS.starvationOfferP99Ms,
      baseline: `p50 ${level.p50.toFixed(1)} ms over ${level.samples} offers; bare ws echo p99 ${starved.echo.p99.toFixed(2)} ms`,
    });
    raw.starvation = starved;
  },
  dispatch: async () => {
    console.log('[bench] cost of one dispatch as the queue and the floor grow');
    const rows = await benchDispatchCost({
      waiting: [1000, 10_000, 100_000],
      agents: [100, 1000, 5000],
      onProgress: (line) => console.log(`  ${line}`),
    });
    for (const path of ['agent frees up', 'request arrives'] as const) {
      const mine = rows.filter((row) => row.path === path);
      const smallest = mine[0]!;
      const largest = mine.at(-1)!;
      const growth = largest.redisMicrosPerDispatch / smallest.redisMicrosPerDispatch;
      figures.push({
        name: `dispatch cost growth, ${path} (Redis µs, 1,000×100 → 100,000×5,000)`,
        value: growth,
        unit: '×',
        goal: `≤ ${GOALS.dispatchCostGrowth}× (flat)`,
        met: growth <= GOALS.dispatchCostGrowth,
        baseline: `${smallest.redisMicrosPerDispatch.toFixed(0)} → ${largest.redisMicrosPerDispatch.toFixed(0)} µs; ${largest.roundTripsPerDispatch.toFixed(1)} round trip, ${largest.redisCommandsPerDispatch.toFixed(0)} commands inside Redis`,
      });
    }
    raw.dispatchCost = rows;
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'dispatch-cost.md'), dispatchCostMarkdown(rows));
  },
  cases: async () => {
    console.log('[bench] case creation with PostgreSQL over HTTP, one API process, then bare INSERTs');
    const cases = await benchCaseCreation({
      concurrency: 48,
      warmMs: 2000,
      measureMs: 8000,
      onProgress: (line) => console.log(`  ${line}`),
    });
    figures.push({
      name: 'case creation with PostgreSQL (POST /v1/help-requests, one API process)',
      value: cases.created.perSecond,
      unit: 'creates/s',
      goal: `≥ ${GOALS.casesPerSecond}`,
      met: cases.created.perSecond >= GOALS.casesPerSecond,
      baseline: `HTTP path, ${cases.concurrency} clients, each a new user; ${cases.created.done} created, ${cases.created.failed} failed; the API process spent ${cases.apiCpuMsPerCreate.toFixed(2)} ms CPU per create`,
    });
    figures.push({
      name: 'case creation over bare INSERT into the same cases table',
      value: cases.overBareInsert,
      unit: '×',
      goal: 'report',
      met: true,
      baseline: `bare INSERT ${Math.round(cases.bareInsert.perSecond)} rows/s one per statement (${cases.concurrency} callers, ${cases.pool} connections as the API), ${Math.round(cases.bareMultiRowInsert.perSecond)} rows/s ${cases.multiRow} per statement`,
    });
    raw.cases = cases;
  },
  rebuild: async () => {
    console.log('[bench] rebuild of the Redis queue from 100,000 open cases in PostgreSQL');
    const rebuilt = await benchQueueRebuild({
      cases: 100_000,
      assignedEvery: 100,
      onProgress: (line) => console.log(`  ${line}`),
    });
    figures.push({
      name: 'queue rebuild from 100,000 open cases in PostgreSQL',
      value: rebuilt.rebuildMs / 1000,
      unit: 's',
      goal: `< ${GOALS.rebuildSeconds} s`,
      met: rebuilt.rebuildMs / 1000 < GOALS.rebuildSeconds,
      baseline: `${Math.round(rebuilt.cases / (rebuilt.rebuildMs / 1000))} cases/s into an empty prefix, ${rebuilt.assigned} of them assigned before; count and order verified; seeding the rows took ${(rebuilt.seedMs / 1000).toFixed(1)} s`,
    });
    raw.rebuild = rebuilt;
  },
  messages: async () => {
    console.log('[bench] conversation message delivery: users on one API instance, agents on another');
    const messages = await benchMessageDelivery({
      conversations: 10,
      messagesEach: 150,
      warmEach: 20,
      gapMs: 20,
      onProgress: (line) => console.log(`  ${line}`),
    });
    const { delivery, echo } = messages;
    figures.push({
      name: 'message delivery p99 (user WS on A → agent socket on B)',
      value: delivery.p99,
      unit: 'ms',
      goal: `< ${GOALS.messageP99Ms} ms`,
      met: delivery.p99 < GOALS.messageP99Ms,
      baseline: `p50 ${delivery.p50.toFixed(2)} ms over ${delivery.samples} messages in ${messages.conversations} conversations; bare ws echo round trip p50 ${echo.p50.toFixed(2)} ms, p99 ${echo.p99.toFixed(2)} ms`,
    });
    raw.messages = messages;
  },
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in GROUPS));
if (unknown.length > 0) {
  console.error(`unknown bench group(s): ${unknown.join(', ')}; known: ${Object.keys(GROUPS).join(', ')}`);
  process.exit(2);
}
for (const [name, run] of Object.entries(GROUPS))
  if (wanted.length === 0 || wanted.includes(name)) await run();
// A partial run writes beside the full one rather than over it.
const stem = wanted.length === 0 ? 'latest' : `latest-${wanted.join('-')}`;
console.log(`\n${writeResults(RESULTS, stem, figures, raw)}`);
process.exit(figures.every((f) => f.met) ? 0 : 1);
