import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCORE_QUEUE,
  TRANSCRIBE_QUEUE,
  bullPrefix,
  scoreJobId,
  transcribeJobId,
} from '../../../platform/jobs/queues.js';
import { agentOnline, api, createAgent, createHelpRequest, WsClient } from '../../support/clients.js';
import { makeAudio } from '../../support/audio.js';
import type { Cluster, Instance } from '../../support/cluster.js';
import { startRecordingStack, uploadRecording, type RecordingStack } from '../../support/recordings.js';
import { singleRedis, type RedisEnv } from '../../support/redis-cluster.js';

/**
 * Voice messages through a real worker process: upload, transcribe, score, re-order, refuse.
 * Runs against one Redis server by default; `redis` may point the instances at a Redis Cluster.
 */
export function voiceSuite(redis: RedisEnv = singleRedis): void {
  let stack: RecordingStack;
  let cluster: Cluster;
  let app: Instance;
  let dir: string;

  beforeAll(async () => {
    stack = await startRecordingStack('voice', {
      ...redis(),
      VOICE_MAX_BYTES: '400000',
      VOICE_MAX_SECONDS: '20',
    });
    ({ cluster, app, dir } = stack);
  }, 60_000);
  afterAll(() => stack?.close());

  const upload = (
    request: { id: string; accessToken: string },
    bytes: Buffer | string,
    contentType: string,
    token?: string,
  ) => uploadRecording(app, request, 'voice', { bytes, contentType, token });

  describe('voice messages', () => {
    it('uploads, transcribes with whisper.cpp, scores, and shows the transcript; a repeat upload is the same job', async () => {
      const request = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'en' });
      const user = await WsClient.connect(app.wsUrl, request.accessToken);
      const audio = await makeAudio(dir, 'message', 4, 'webm');
      const accepted = await upload(request, audio, 'audio/webm;codecs=opus');
      expect(accepted.status).toBe(202);
      expect(await accepted.json()).toMatchObject({
        jobId: transcribeJobId(request.id),
        durationSeconds: expect.closeTo(4, 0),
      });

      expect(await user.next('voice.progress', (f) => f.status === 'queued')).toMatchObject({
        transcript: 'pending',
      });
      await user.next('voice.progress', (f) => f.status === 'transcribing', 20_000);
      const scored = await user.next('voice.progress', (f) => f.status === 'scored', 60_000);
      expect(scored).toMatchObject({
        transcript: 'done',
        urgency: { level: expect.any(String), reasons: expect.any(Array) },
      });

      const view = (await api(app, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken }))
        .body;
      expect(view.transcript.status).toBe('done');
      expect(view.transcript.segments.length).toBeGreaterThan(0);
      expect(view.urgency).toMatchObject({ category: expect.any(String), sentiment: expect.any(String) });
      expect(view.voice).toEqual({ seconds: expect.closeTo(4, 0), contentType: 'audio/webm' });

      const again = await upload(request, audio, 'audio/webm');
      expect(again.status).toBe(202);
      expect(((await again.json()) as any).jobId).toBe(transcribeJobId(request.id));
      const queue = new Queue(TRANSCRIBE_QUEUE, {
        connection: cluster.redis,
        prefix: bullPrefix(cluster.config.keyPrefix),
      });
      expect(await queue.getJobCounts('completed', 'waiting', 'active', 'delayed')).toMatchObject({
        completed: 1,
        waiting: 0,
        active: 0,
        delayed: 0,
      });
      await queue.close();
      user.close();
    }, 90_000);

    it('re-orders the queue when scoring finds the message urgent', async () => {
      const calm = await createHelpRequest(app, cluster.config, {
        channel: 'text',
        language: 'zh',
        text: '怎么设置直播封面？',
      });
      const voice = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'zh' });
      const user = await WsClient.connect(app.wsUrl, voice.accessToken);
      const before = await user.next('queue.update');
      const calmPosition = (
        await api(app, 'GET', `/v1/help-requests/${calm.id}`, { token: calm.accessToken })
      ).body.position;
      expect(before.position).toBeGreaterThan(calmPosition);

      // The generated model cannot recognise speech, so a known transcript stands in for what the
      // user said; the real score worker does the rest.
      await app.app.lifeline.stores.queue.setTranscript(voice.id, {
        status: 'done',
        text: '我的账号刚刚被盗了，对方正在用我的号直播',
        language: 'zh',
      });
      const scoreQueue = new Queue(SCORE_QUEUE, {
        connection: cluster.redis,
        prefix: bullPrefix(cluster.config.keyPrefix),
      });
      await scoreQueue.add('score', { requestId: voice.id }, { jobId: scoreJobId(voice.id) });
      const scored = await user.next('voice.progress', (f) => f.status === 'scored', 20_000);
      expect(scored.urgency).toMatchObject({ level: 'critical', category: 'account_security' });
      const after = await user.next('queue.update', (f) => f.position < before.position, 5000);
      expect(after.position).toBeLessThanOrEqual(calmPosition);
      await scoreQueue.close();
      user.close();
    }, 30_000);

    it('refuses bad audio, oversize and over-long uploads, and other people’s requests, with codes', async () => {
      const request = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'en' });
      const other = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'en' });
      const wav = await makeAudio(dir, 'short', 2, 'wav');
      const garbage = Buffer.from('RIFF....WAVEfmt this is not audio at all'.repeat(50));
      const codeOf = async (response: Response) => ({
        status: response.status,
        code: ((await response.json()) as any).error.code,
      });

      expect(await codeOf(await upload(request, garbage, 'audio/wav'))).toEqual({
        status: 415,
        code: 'LIFELINE_AUDIO_UNSUPPORTED',
      });
      expect(await codeOf(await upload(request, wav, 'application/octet-stream'))).toEqual({
        status: 415,
        code: 'LIFELINE_UNSUPPORTED_MEDIA_TYPE',
      });
      expect(await codeOf(await upload(request, Buffer.alloc(500_000, 1), 'audio/wav'))).toEqual({
        status: 413,
        code: 'LIFELINE_PAYLOAD_TOO_LARGE',
      });
      expect(
        await codeOf(await upload(request, await makeAudio(dir, 'long', 30, 'mp3'), 'audio/mpeg')),
      ).toEqual({ status: 413, code: 'LIFELINE_AUDIO_TOO_LONG' });
      expect(await codeOf(await upload(request, wav, 'audio/wav', other.accessToken))).toEqual({
        status: 403,
        code: 'LIFELINE_FORBIDDEN',
      });
      const agent = await createAgent(app, cluster.config);
      expect(await codeOf(await upload(request, wav, 'audio/wav', agent.token))).toEqual({
        status: 403,
        code: 'LIFELINE_FORBIDDEN',
      });

      const view = (await api(app, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken }))
        .body;
      expect(view).toMatchObject({ state: 'queued' });
      expect(view.voice).toBeUndefined();
      expect((await upload(request, wav, 'audio/wav')).status).toBe(202);
    }, 30_000);

    it('plays the message with the conversation’s rights: its user and the agent offered it, nobody else', async () => {
      const agent = await createAgent(app, cluster.config, { languages: ['ms'] });
      const bystander = await createAgent(app, cluster.config, { languages: ['ms'] });
      const request = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'ms' });
      const ogg = await makeAudio(dir, 'ogg', 2, 'ogg');
      expect((await upload(request, ogg, 'audio/ogg')).status).toBe(202);
      const socket = await agentOnline(app, agent);
      await socket.next('offer');
      const play = (token: string) =>
        fetch(`${app.url}/v1/help-requests/${request.id}/voice`, {
          headers: { authorization: `Bearer ${token}` },
        });
      const played = await play(agent.token);
      expect(played.status).toBe(200);
      expect(played.headers.get('content-type')).toBe('audio/ogg');
      expect(Buffer.from(await played.arrayBuffer()).equals(ogg)).toBe(true);
      expect((await play(bystander.token)).status).toBe(403);
      const own = await play(request.accessToken);
      expect(own.status).toBe(200);
      expect(Buffer.from(await own.arrayBuffer()).equals(ogg)).toBe(true);
      const other = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'ms' });
      expect((await play(other.accessToken)).status).toBe(403);
      socket.close();
    }, 30_000);
  });
}
