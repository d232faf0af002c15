import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../platform/db/database.js';
import { TranscriptRepository } from '../../platform/db/TranscriptRepository.js';
import { within } from '../support/apiProcess.js';
import { makeAudio } from '../support/audio.js';
import { agentOnline, api, createAgent, createHelpRequest, WsClient } from '../support/clients.js';
import { deletePrefix, type Cluster, type Instance } from '../support/cluster.js';
import { startRecordingStack, uploadRecording, type RecordingStack } from '../support/recordings.js';

/**
 * A voice message in the system of record, through a real worker process (ffmpeg, whisper.cpp
 * with the generated model): its conversation line, its transcript in PostgreSQL after Redis loses
 * everything, the transcript's own retention, and erasure.
 */
let stack: RecordingStack;
let cluster: Cluster;
let app: Instance;
let dir: string;
let db: ReturnType<typeof connectDatabase>;

beforeAll(async () => {
  stack = await startRecordingStack('voice-record');
  ({ cluster, app, dir } = stack);
  db = connectDatabase(cluster.config.database);
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  await stack?.close();
});

const storedTranscript = (caseId: string) =>
  db.selectFrom('transcripts').selectAll().where('case_id', '=', caseId).executeTakeFirst();

const play = (requestId: string, token: string) =>
  fetch(`${app.url}/v1/help-requests/${requestId}/voice`, { headers: { authorization: `Bearer ${token}` } });

/** Its status, once the body is read: an unread file keeps its connection busy. */
const statusOf = async (response: Response) => {
  await response.arrayBuffer();
  return response.status;
};

describe('voice messages in the system of record', () => {
  it('adds a conversation line with the voice message, keeps its transcript in PostgreSQL, and shows it after a Redis rebuild', async () => {
    const agent = await createAgent(app, cluster.config, { languages: ['sv'] });
    const bystander = await createAgent(app, cluster.config, { languages: ['sv'] });
    const request = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'sv' });
    const user = await WsClient.connect(app.wsUrl, request.accessToken);
    const audio = await makeAudio(dir, 'record', 3, 'webm');
    const accepted = await uploadRecording(app, request, 'voice', {
      bytes: audio,
      contentType: 'audio/webm',
    });
    expect(accepted.status).toBe(202);

    const pushed = await user.next('message', (f) => f.requestId === request.id);
    const attachment = {
      kind: 'voice',
      contentType: 'audio/webm',
      url: `/v1/help-requests/${request.id}/voice`,
      seconds: expect.closeTo(3, 0),
    };
    expect(pushed.message).toMatchObject({ role: 'user', body: '', attachments: [attachment] });
    expect(JSON.stringify(pushed.message)).not.toContain('"key"');
    const socket = await agentOnline(app, agent);
    await socket.next('offer', (f) => f.request.id === request.id, 10_000);
    const linesOf = async (token: string) =>
      (await api(app, 'GET', `/v1/help-requests/${request.id}/messages`, { token })).body.messages;
    for (const token of [request.accessToken, agent.token])
      expect(await linesOf(token)).toEqual([expect.objectContaining({ attachments: [attachment] })]);
    expect(await statusOf(await play(request.id, request.accessToken))).toBe(200);
    expect(await statusOf(await play(request.id, agent.token))).toBe(200);
    expect(await statusOf(await play(request.id, bystander.token))).toBe(403);

    await user.next('voice.progress', (f) => f.status === 'scored', 60_000);
    const row = await storedTranscript(request.id);
    expect(row).toMatchObject({ status: 'done', text: expect.any(String) });
    const hot = (await api(app, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken }))
      .body.transcript;
    expect(hot.status).toBe('done');
    expect(row!.segments).toEqual(hot.segments);

    socket.close();
    await deletePrefix(cluster.redis, cluster.config.keyPrefix);
    await within(10_000, async () => {
      const view = await api(app, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken });
      return view.status === 200 && view.body.state === 'queued';
    });
    const rebuilt = (await api(app, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken }))
      .body;
    expect(rebuilt.transcript).toEqual(hot);
    expect(await linesOf(request.accessToken)).toEqual([
      expect.objectContaining({ attachments: [attachment] }),
    ]);
    expect(await statusOf(await play(request.id, request.accessToken))).toBe(200);
    user.close();
  }, 90_000);

  it('purges transcripts past RETAIN_TRANSCRIPTS_DAYS and keeps younger ones', async () => {
    const transcripts = new TranscriptRepository(db);
    const days = cluster.config.retention.transcriptsMs / 86_400_000;
    const old = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'sv' });
    const young = await createHelpRequest(app, cluster.config, { channel: 'voice', language: 'sv' });
    await transcripts.save(
      old.id,
      { status: 'done', text: 'old words' },
      Date.now() - (days + 1) * 86_400_000,
    );
    await transcripts.save(
      young.id,
      { status: 'done', text: 'new words' },
      Date.now() - (days - 1) * 86_400_000,
    );

    const purged = await app.app.lifeline.retention.run();
    expect(purged.transcripts).toBeGreaterThanOrEqual(1);
    expect(await storedTranscript(old.id)).toBeUndefined();
    expect(await storedTranscript(young.id)).toMatchObject({ text: 'new words' });
  });

  it("erases a user's transcripts with their cases", async () => {
    const sub = `erased-${randomUUID()}`;
    const request = await createHelpRequest(
      app,
      cluster.config,
      { channel: 'voice', language: 'sv' },
      { sub },
    );
    const user = await WsClient.connect(app.wsUrl, request.accessToken);
    const audio = await makeAudio(dir, 'erased', 2, 'wav');
    expect(
      (await uploadRecording(app, request, 'voice', { bytes: audio, contentType: 'audio/wav' })).status,
    ).toBe(202);
    await user.next('voice.progress', (f) => f.status === 'scored', 60_000);
    expect(await storedTranscript(request.id)).toBeDefined();

    const erased = await api(app, 'DELETE', `/v1/admin/users/${sub}`, {
      token: cluster.config.secrets.admin,
    });
    expect(erased.status).toBe(200);
    expect(await storedTranscript(request.id)).toBeUndefined();
    user.close();
  }, 60_000);
});
