import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../core/protocol/vocabulary.js';
import { TRANSCRIBE_QUEUE, bullPrefix, transcribeJobId } from '../../platform/jobs/queues.js';
import { makeAudio } from '../support/audio.js';
import {
  agentOnline,
  api,
  createAgent,
  createHelpRequest,
  createSupervisor,
  WsClient,
} from '../support/clients.js';
import type { Cluster, Instance } from '../support/cluster.js';
import { startRecordingStack, uploadRecording, type RecordingStack } from '../support/recordings.js';
import { makeVideo, probeImage } from '../support/video.js';

/**
 * Video feedback through a real worker process, ffmpeg and whisper.cpp (the generated model):
 * upload, thumbnail, transcript of the audio track, what the agent is offered, the conversation
 * line that carries the clip, coded refusals and erasure.
 */
let stack: RecordingStack;
let cluster: Cluster;
let app: Instance;
let dir: string;
let blobDir: string;

beforeAll(async () => {
  stack = await startRecordingStack('video', {
    VIDEO_MAX_BYTES: '700000',
    VIDEO_MAX_SECONDS: '8',
  });
  ({ cluster, app, dir, blobDir } = stack);
}, 60_000);
afterAll(() => stack?.close());

function upload(
  request: { id: string; accessToken: string },
  bytes: Buffer | string,
  contentType: string,
  options: { token?: string; kind?: 'video' | 'voice' } = {},
) {
  return uploadRecording(app, request, options.kind ?? 'video', { bytes, contentType, token: options.token });
}

function fetchFile(requestId: string, token: string, file: 'video' | 'video/thumbnail') {
  return fetch(`${app.url}/v1/help-requests/${requestId}/${file}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Its status, once the body is read: an unread file keeps its connection busy and the server open. */
const statusOf = async (response: Response) => {
  await response.arrayBuffer();
  return response.status;
};

const codeOf = async (response: Response) => ({
  status: response.status,
  code: ((await response.json()) as any).error.code,
});

/** An agent who is offered only what this test creates: a language no other test here uses. */
const agentFor = (language: string) =>
  createAgent(app, cluster.config, { languages: [language], skills: [...CATEGORIES] });

describe('video feedback', () => {
  it('keeps a thumbnail, transcribes the audio track, and shows clip, thumbnail and transcript to the agent offered it', async () => {
    const request = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'fi' });
    const user = await WsClient.connect(app.wsUrl, request.accessToken);
    const clip = await makeVideo(dir, 'feedback', 4, 'webm');

    const started = performance.now();
    const accepted = await upload(request, clip, 'video/webm;codecs=vp8,opus');
    const uploadMs = performance.now() - started;
    expect(accepted.status).toBe(202);
    const video = { seconds: expect.closeTo(4, 0), contentType: 'video/webm', width: 640, height: 480 };
    expect(await accepted.json()).toEqual({
      jobId: transcribeJobId(request.id),
      durationSeconds: expect.closeTo(4, 0),
      video: { ...video, hasAudio: true },
    });
    await user.next('voice.progress', (f) => f.status === 'transcribing', 20_000);
    const scored = await user.next('voice.progress', (f) => f.status === 'scored', 60_000);
    const scoredMs = performance.now() - started;
    expect(scored).toMatchObject({ transcript: 'done', urgency: { level: expect.any(String) } });
    console.info(`video upload ${Math.round(uploadMs)} ms; upload → scored ${Math.round(scoredMs)} ms`);

    const agent = await agentFor('fi');
    const socket = await agentOnline(app, agent);
    expect((await socket.next('offer')).request.id).toBe(request.id);
    const view = (await api(app, 'GET', `/v1/help-requests/${request.id}`, { token: agent.token })).body;
    expect(view.video).toEqual({ ...video, hasAudio: true });
    expect(view.voice).toBeUndefined();
    expect(view.transcript).toMatchObject({ status: 'done', text: expect.any(String) });
    expect(view.transcript.segments.length).toBeGreaterThan(0);

    const played = await fetchFile(request.id, agent.token, 'video');
    expect(played.status).toBe(200);
    expect(played.headers.get('content-type')).toBe('video/webm');
    expect(Buffer.from(await played.arrayBuffer()).equals(clip)).toBe(true);
    const thumbnail = await fetchFile(request.id, agent.token, 'video/thumbnail');
    expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
    const jpeg = Buffer.from(await thumbnail.arrayBuffer());
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    await writeFile(join(dir, 'thumbnail.jpg'), jpeg);
    expect(await probeImage(join(dir, 'thumbnail.jpg'))).toEqual({ codec: 'mjpeg', width: 320, height: 240 });

    const lines = (await api(app, 'GET', `/v1/help-requests/${request.id}/messages`, { token: agent.token }))
      .body.messages;
    expect(lines).toEqual([
      expect.objectContaining({
        role: 'user',
        body: '',
        attachments: [
          {
            kind: 'video',
            ...video,
            hasAudio: true,
            url: `/v1/help-requests/${request.id}/video`,
            thumbnailUrl: `/v1/help-requests/${request.id}/video/thumbnail`,
          },
        ],
      }),
    ]);
    socket.close();
    user.close();
  }, 90_000);

  it('serves the clip to its user, the agent offered it and supervisors, and to nobody else', async () => {
    const request = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'sv' });
    const other = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'sv' });
    expect((await upload(request, await makeVideo(dir, 'rights', 2, 'mp4'), 'video/mp4')).status).toBe(202);
    const offered = await agentFor('sv');
    const bystander = await createAgent(app, cluster.config, { languages: ['sv'] });
    const socket = await agentOnline(app, offered);
    await socket.next('offer');
    const supervisor = await createSupervisor(app, cluster.config);

    for (const file of ['video', 'video/thumbnail'] as const) {
      for (const token of [request.accessToken, offered.token, supervisor.token])
        expect(await statusOf(await fetchFile(request.id, token, file))).toBe(200);
      expect(await codeOf(await fetchFile(request.id, bystander.token, file))).toEqual({
        status: 403,
        code: 'LIFELINE_FORBIDDEN',
      });
      expect(await codeOf(await fetchFile(request.id, other.accessToken, file))).toEqual({
        status: 403,
        code: 'LIFELINE_FORBIDDEN',
      });
    }
    const own = await fetchFile(request.id, request.accessToken, 'video');
    expect(own.headers.get('content-type')).toBe('video/mp4');
    await own.arrayBuffer();
    expect(await codeOf(await fetchFile(other.id, other.accessToken, 'video'))).toEqual({
      status: 404,
      code: 'LIFELINE_NOT_FOUND',
    });
    socket.close();
  }, 60_000);

  it('accepts a silent clip and marks its transcript failed without running whisper or retrying', async () => {
    const request = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'en' });
    const user = await WsClient.connect(app.wsUrl, request.accessToken);
    const silent = await makeVideo(dir, 'silent', 3, 'webm', { audio: false });
    const accepted = await upload(request, silent, 'video/webm');
    expect(accepted.status).toBe(202);
    expect(((await accepted.json()) as any).video.hasAudio).toBe(false);
    const scored = await user.next('voice.progress', (f) => f.status === 'scored', 30_000);
    expect(scored.transcript).toBe('failed');
    const view = (await api(app, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken }))
      .body;
    expect(view).toMatchObject({ transcript: { status: 'failed' }, video: { hasAudio: false } });
    const queue = new Queue(TRANSCRIBE_QUEUE, {
      connection: cluster.redis,
      prefix: bullPrefix(cluster.config.keyPrefix),
    });
    const job = await queue.getJob(transcribeJobId(request.id));
    expect(await job!.getState()).toBe('completed');
    expect(job!.attemptsMade).toBe(1);
    await queue.close();
    user.close();
  }, 60_000);

  it('refuses other types, oversize, over-long and undecodable clips, other people’s requests and a second kind of recording, with codes', async () => {
    const request = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'en' });
    const other = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'en' });
    const clip = await makeVideo(dir, 'short', 2, 'webm');
    const refused = async (response: Promise<Response>, status: number, code: string) =>
      expect(await codeOf(await response)).toEqual({ status, code });

    await refused(upload(request, clip, 'application/octet-stream'), 415, 'LIFELINE_UNSUPPORTED_MEDIA_TYPE');
    await refused(upload(request, clip, 'video/quicktime'), 415, 'LIFELINE_UNSUPPORTED_MEDIA_TYPE');
    await refused(upload(request, Buffer.alloc(800_000, 1), 'video/webm'), 413, 'LIFELINE_PAYLOAD_TOO_LARGE');
    await refused(
      upload(request, await makeVideo(dir, 'long', 10, 'webm', { size: '160x120' }), 'video/webm'),
      413,
      'LIFELINE_VIDEO_TOO_LONG',
    );
    await refused(
      upload(request, Buffer.from('not a video '.repeat(100)), 'video/mp4'),
      415,
      'LIFELINE_VIDEO_UNSUPPORTED',
    );
    const sound = await makeAudio(dir, 'sound-only', 2, 'webm');
    await refused(upload(request, sound, 'video/webm'), 415, 'LIFELINE_VIDEO_UNSUPPORTED');
    await refused(upload(request, '', 'video/webm'), 400, 'LIFELINE_VALIDATION');
    await refused(
      upload(request, clip, 'video/webm', { token: other.accessToken }),
      403,
      'LIFELINE_FORBIDDEN',
    );
    const agent = await createAgent(app, cluster.config);
    await refused(upload(request, clip, 'video/webm', { token: agent.token }), 403, 'LIFELINE_FORBIDDEN');
    const view = (await api(app, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken }))
      .body;
    expect(view.video).toBeUndefined();
    expect(view.transcript).toBeUndefined();

    expect((await upload(request, clip, 'video/webm')).status).toBe(202);
    const again = await upload(request, clip, 'video/webm');
    expect(again.status).toBe(202);
    expect(((await again.json()) as any).jobId).toBe(transcribeJobId(request.id));
    await refused(upload(request, sound, 'audio/webm', { kind: 'voice' }), 409, 'LIFELINE_RECORDING_EXISTS');
    expect((await upload(other, sound, 'audio/webm', { kind: 'voice' })).status).toBe(202);
    await refused(upload(other, clip, 'video/webm'), 409, 'LIFELINE_RECORDING_EXISTS');
    const messages = await api(app, 'GET', `/v1/help-requests/${request.id}/messages`, {
      token: request.accessToken,
    });
    expect(messages.body.messages).toHaveLength(1);
  }, 60_000);

  it('is in the OpenAPI document with its reply and its coded refusals', async () => {
    const spec = (await api(app, 'GET', '/docs/json')).body;
    const upload = spec.paths['/v1/help-requests/{id}/video'].post;
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(['202', '409', '413', '415']));
    expect(Object.keys(upload.responses['202'].content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['jobId', 'durationSeconds', 'video']),
    );
    expect(spec.paths['/v1/help-requests/{id}/video'].get).toBeDefined();
    expect(spec.paths['/v1/help-requests/{id}/video/thumbnail'].get).toBeDefined();
  });

  it('erases the clip and its thumbnail with the user', async () => {
    const sub = `video-user-${Date.now()}`;
    const request = await createHelpRequest(
      app,
      cluster.config,
      { channel: 'voice', language: 'en' },
      { sub },
    );
    expect((await upload(request, await makeVideo(dir, 'erase', 2, 'webm'), 'video/webm')).status).toBe(202);
    const files = [join(blobDir, 'video', request.id), join(blobDir, 'video', `${request.id}.jpg`)];
    for (const file of files) await access(file);
    const erased = await api(app, 'DELETE', `/v1/admin/users/${sub}`, {
      token: cluster.config.secrets.admin,
    });
    expect(erased).toMatchObject({ status: 200, body: { erasedCases: 1 } });
    for (const file of files) await expect(access(file)).rejects.toThrow();
  }, 30_000);
});
