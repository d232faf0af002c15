import { Room } from '@livekit/rtc-node';
import { onAudibleFrames, publishMicrophone, sendTone } from '../../scripts/lib/rtcAudio.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { agentOnline, createAgent, createHelpRequest, liveCall, WsClient } from '../support/clients.js';
import { startInstance, testConfig, type Instance } from '../support/cluster.js';

let instance: Instance;

beforeAll(async () => {
  // LiveKit posts its webhooks to this port, so the API here sees participant_left for real.
  instance = await startInstance(testConfig(), {}, inject('livekit').webhookPort);
});
afterAll(async () => {
  await instance.app.close();
  // No dispose(): integration files share one process (vitest singleFork), and disposing the
  // native FFI server there leaves every later file's rtc-node Room unable to connect.
});

/** Resolves once `wanted` audible frames have arrived, with the loudest sample seen. */
function receiveAudio(room: Room, wanted: number): Promise<{ frames: number; peak: number }> {
  return new Promise((resolve) => {
    let frames = 0;
    let peak = 0;
    onAudibleFrames(room, (loudest) => {
      peak = Math.max(peak, loudest);
      if (++frames === wanted) resolve({ frames, peak });
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
    await agentRoom.connect(liveCall(agentReady).livekitUrl, liveCall(agentReady).token, {
      autoSubscribe: true,
      dynacast: false,
    });
    await userRoom.connect(liveCall(userReady).livekitUrl, liveCall(userReady).token, {
      autoSubscribe: true,
      dynacast: false,
    });
    const joinMs = performance.now() - joinStarted;

    const { source, track } = await publishMicrophone(userRoom);
    let speaking = true;
    void sendTone(source, () => speaking);
    const result = await heard;
    speaking = false;
    console.info(
      `both joined in ${joinMs.toFixed(0)} ms; agent heard ${result.frames} audible frames, peak ${result.peak}`,
    );
    expect(result.frames).toBeGreaterThanOrEqual(50);
    expect(result.peak).toBeGreaterThan(1000);

    await track.close();
    await userRoom.disconnect();
    const ended = await agentSocket.next('session.ended', () => true, 20_000);
    expect(ended).toMatchObject({ sessionId: agentReady.sessionId, reason: 'participant_left' });
    expect((await instance.app.lifeline.stores.presenceStore.getPresence(agent.id)).load).toBe('0');
    await agentRoom.disconnect();
    agentSocket.close();
    userSocket.close();
  }, 60_000);
});
