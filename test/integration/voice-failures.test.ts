import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSCRIBE_QUEUE, bullPrefix, transcribeJobId } from '../../platform/jobs/queues.js';
import { agentOnline, api, createAgent, createHelpRequest, WsClient } from '../support/clients.js';
import { makeAudio } from '../support/audio.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';
import { startWorker, type WorkerProcess } from '../support/workers.js';

let cluster: Cluster;
let app: Instance;
let dir: string;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lifeline-voice-fail-'));
  cluster = await startCluster(1, {
    VOICE_DIR: join(dir, 'blobs'),
    JOB_ATTEMPTS: '2',
    JOB_BACKOFF_MS: '100',
    WORKER_LOCK_MS: '2000',
    WORKER_STALLED_INTERVAL_MS: '1000',
  });
  app = cluster.instances[0]!;
});
afterAll(async () => {
  const timed = async (label: string, work: () => Promise<unknown>) => {
    const started = Date.now();
    await work();
    if (Date.now() - started > 5000) console.warn(`teardown: ${label} took ${Date.now() - started} ms`);
  };
  await timed('workers', () => Promise.all(workers.map((worker) => worker.kill())));
  await timed('cluster', () => cluster?.close());
  await rm(dir, { recursive: true, force: true });
}, 120_000);

const upload = (request: { id: string; accessToken: string }, bytes: Buffer, type: string) =>
  fetch(`${app.url}/v1/help-requests/${request.id}/voice`, {
    method: 'POST',
    headers: { authorization: `Bearer ${request.accessToken}`, 'content-type': type },
    body: bytes,
  });
const transcribeQueue = () =>
  new Queue(TRANSCRIBE_QUEUE, { connection: cluster.redis, prefix: bullPrefix(cluster.config.keyPrefix) });

describe('voice pipeline failures', () => {
  it('keeps the request when transcription fails for good: retried, then scored from what is known, audio still playable', async () => {
    const brokenModel = join(dir, 'broken-model.bin');
    await writeFile(brokenModel, Buffer.alloc(4096, 0x42));
    const worker = await startWorker({ ...cluster.env, WHISPER_MODEL: brokenModel });
    workers.push(worker);
    const agent = await createAgent(app, cluster.config, { languages: ['lt'] });
    const request = await createHelpRequest(app, cluster.config, {
      channel: 'voice',
      language: 'lt',
      text: 'please call me back',
    });
    const user = await WsClient.connect(app.wsUrl, request.accessToken);
    expect((await upload(request, await makeAudio(dir, 'fails', 2, 'wav'), 'audio/wav')).status).toBe(202);

    const scored = await user.next('voice.progress', (f) => f.status === 'scored', 30_000);
    expect(scored.transcript).toBe('failed');
    const queue = transcribeQueue();
    const job = await queue.getJob(transcribeJobId(request.id));
    expect(await job!.getState()).toBe('failed');
    expect(job!.attemptsMade).toBe(2);
    await queue.close();

    const socket = await agentOnline(app, agent);
    const offer = await socket.next('offer');
    expect(offer.request.id).toBe(request.id);
    const seen = (await api(app, 'GET', `/v1/help-requests/${request.id}`, { token: agent.token })).body;
    expect(seen).toMatchObject({ state: 'offered', transcript: { status: 'failed' } });
    const audio = await fetch(`${app.url}/v1/help-requests/${request.id}/voice`, {
      headers: { authorization: `Bearer ${agent.token}` },
    });
    expect(audio.status).toBe(200);
    socket.close();
    user.close();
    await worker.stop();
  }, 60_000);

  it('fails bad audio at once, without retries', async () => {
    const request = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'en' });
    expect((await upload(request, await makeAudio(dir, 'good', 2, 'wav'), 'audio/wav')).status).toBe(202);
    // The stored bytes go bad after the upload check (a disk fault, a tampered volume).
    await writeFile(join(dir, 'blobs', 'voice', request.id), Buffer.from('no longer audio'));
    const worker = await startWorker(cluster.env);
    workers.push(worker);
    const user = await WsClient.connect(app.wsUrl, request.accessToken);
    await user.next('voice.progress', (f) => f.status === 'scored', 30_000);
    const queue = transcribeQueue();
    const job = await queue.getJob(transcribeJobId(request.id));
    expect(await job!.getState()).toBe('failed');
    expect(job!.attemptsMade).toBe(1);
    await queue.close();
    user.close();
    await worker.stop();
  }, 60_000);

  it('recovers a job whose worker is killed mid-transcription: it finishes exactly once on another worker', async () => {
    const events = new QueueEvents(TRANSCRIBE_QUEUE, {
      connection: { url: cluster.config.redisUrl, maxRetriesPerRequest: null },
      prefix: bullPrefix(cluster.config.keyPrefix),
    });
    await events.waitUntilReady();
    const completed: string[] = [];
    const stalled: string[] = [];
    events.on('completed', ({ jobId }) => completed.push(jobId));
    events.on('stalled', ({ jobId }) => stalled.push(jobId));

    const first = await startWorker({ ...cluster.env, WHISPER_THREADS: '1' });
    workers.push(first);
    const request = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'en' });
    const user = await WsClient.connect(app.wsUrl, request.accessToken);
    expect((await upload(request, await makeAudio(dir, 'long', 20, 'ogg'), 'audio/ogg')).status).toBe(202);
    await user.next('voice.progress', (f) => f.status === 'transcribing', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await first.kill();

    const second = await startWorker(cluster.env);
    workers.push(second);
    await user.next('voice.progress', (f) => f.status === 'scored', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const jobId = transcribeJobId(request.id);
    expect(stalled).toContain(jobId);
    expect(completed.filter((id) => id === jobId)).toHaveLength(1);
    const view = (await api(app, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken }))
      .body;
    expect(view.transcript.status).toBe('done');
    expect(second.lines.some((line) => line.includes(jobId) && line.includes('job completed'))).toBe(true);
    expect(first.lines.some((line) => line.includes(jobId) && line.includes('job completed'))).toBe(false);
    await events.close();
    user.close();
    await second.stop();
  }, 90_000);
});
