import {
  AudioFrame,
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  type RemoteTrack,
  type Room,
} from '@livekit/rtc-node';

/** Node-side LiveKit audio for tests and the media load harness: a microphone, a tone, an ear. */
export const RTC_SAMPLE_RATE = 48_000;
const FRAME_SAMPLES = 480; // 10 ms

export async function publishMicrophone(
  room: Room,
): Promise<{ source: AudioSource; track: LocalAudioTrack }> {
  const source = new AudioSource(RTC_SAMPLE_RATE, 1);
  const track = LocalAudioTrack.createAudioTrack('microphone', source);
  const options = new TrackPublishOptions();
  options.source = TrackSource.SOURCE_MICROPHONE;
  await room.localParticipant!.publishTrack(track, options);
  return { source, track };
}

/** Sends a sine tone in 10 ms frames while `keepGoing()` holds; resolves with the frames sent. */
export async function sendTone(
  source: AudioSource,
  keepGoing: () => boolean,
  hz = 440,
  amplitude = 8000,
): Promise<number> {
  let phase = 0;
  let sent = 0;
  while (keepGoing()) {
    const samples = new Int16Array(FRAME_SAMPLES);
    for (let i = 0; i < FRAME_SAMPLES; i += 1)
      samples[i] = Math.round(amplitude * Math.sin((2 * Math.PI * hz * phase++) / RTC_SAMPLE_RATE));
    await source.captureFrame(new AudioFrame(samples, RTC_SAMPLE_RATE, 1, FRAME_SAMPLES));
    sent += 1;
  }
  return sent;
}

/** Calls `onFrame` with the peak of every audible frame on the first audio track the room subscribes to. */
export function onAudibleFrames(room: Room, onFrame: (peak: number) => void): void {
  room.on(RoomEvent.TrackSubscribed, async (track: RemoteTrack) => {
    if (track.kind !== TrackKind.KIND_AUDIO) return;
    for await (const frame of new AudioStream(track, RTC_SAMPLE_RATE, 1)) {
      const peak = frame.data.reduce((max, s) => Math.max(max, Math.abs(s)), 0);
      if (peak > 0) onFrame(peak);
    }
  });
}
