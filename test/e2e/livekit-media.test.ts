import {
  AudioFrame,
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  dispose,
  type RemoteTrack,
} from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { agentOnline, createAgent, createHelpRequest, WsClient } from '../support/clients.js';
import { startInstance, testConfig, type Instance } from '../support/cluster.js';

const SAMPLE_RATE = 48_000;
const FRAME_SAMPLES = 480; // 10 ms

let instance: Instance;

beforeAll(async () => {
  // LiveKit posts its webhooks to this port, so the API here sees participant_left for real.
  instance = await startInstance(testConfig(), {}, inject('livekit').webhookPort);
});
afterAll(async () => {
  await instance.app.close();
  await dispose();
});

/** Publishes a 440 Hz tone in 10 ms frames until stopped. */
function publishTone(source: AudioSource): () => void {
  let running = true;
  let phase = 0;
  void (async () => {
    while (running) {
      const samples = new Int16Array(FRAME_SAMPLES);
      for (let i = 0; i < FRAME_SAMPLES; i += 1)
        samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * phase++) / SAMPLE_RATE));
      await source.captureFrame(new AudioFrame(samples, SAMPLE_RATE, 1, FRAME_SAMPLES));
    }
  })();
  return () => (running = false);
}

/** Resolves with the number of audible frames once `wanted` have arrived on the first audio track. */
function receiveAudio(room: Room, wanted: number): Promise<{ frames: number; peak: number }> {
  return new Promise((resolve) => {
    room.on(RoomEvent.TrackSubscribed, async (track: RemoteTrack) => {
      if (track.kind !== TrackKind.KIND_AUDIO) return;
      let frames = 0;
      let peak = 0;
      for await (const frame of new AudioStream(track, SAMPLE_RATE, 1)) {
        const loudest = frame.data.reduce((max, s) => Math.max(max, Math.abs(s)), 0);
        peak = Math.max(peak, loudest);
        if (loudest > 0) frames += 1;
        if (frames >= wanted) return resolve({ frames, peak });
      }
    });
  });
}

describe('a paired call in a real LiveKit room', () => {
  it('carries audio from user to agent, and ends the session when the user leaves', async () => {
    const { config } = instance.app.lifeline;
    const agent = await createAgent(instance, config);
    const agentSocket = await agentOnline(instance, agent);
    const request = await createHelpRequest(instance, config, { media: 'audio' });
    const userSocket = await WsClient.connect(instance.wsUrl, request.accessToken);
    agentSocket.send({ type: 'offer.accept', offerId: (await agentSocket.next('offer')).offerId });
    const agentReady = await agentSocket.next('session.ready');
    const userReady = await userSocket.next('session.ready');

    const userRoom = new Room();
    const agentRoom = new Room();
    const heard = receiveAudio(agentRoom, 50);
    const joinStarted = performance.now();
    await agentRoom.connect(agentReady.livekitUrl, agentReady.token, {
      autoSubscribe: true,
      dynacast: false,
    });
    await userRoom.connect(userReady.livekitUrl, userReady.token, { autoSubscribe: true, dynacast: false });
    const joinMs = performance.now() - joinStarted;

    const source = new AudioSource(SAMPLE_RATE, 1);
    const track = LocalAudioTrack.createAudioTrack('microphone', source);
    const options = new TrackPublishOptions();
    options.source = TrackSource.SOURCE_MICROPHONE;
    await userRoom.localParticipant!.publishTrack(track, options);
    const stopTone = publishTone(source);
    const result = await heard;
    stopTone();
    console.info(
      `both joined in ${joinMs.toFixed(0)} ms; agent heard ${result.frames} audible frames, peak ${result.peak}`,
    );
    expect(result.frames).toBeGreaterThanOrEqual(50);
    expect(result.peak).toBeGreaterThan(1000);

    await track.close();
    await userRoom.disconnect();
    const ended = await agentSocket.next('session.ended', () => true, 20_000);
    expect(ended).toMatchObject({ sessionId: agentReady.sessionId, reason: 'participant_left' });
    expect((await instance.app.lifeline.presenceStore.getPresence(agent.id)).load).toBe('0');
    await agentRoom.disconnect();
    agentSocket.close();
    userSocket.close();
  }, 60_000);
});
