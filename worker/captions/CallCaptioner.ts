import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AudioStream,
  Room,
  RoomEvent,
  TrackKind,
  type RemoteParticipant,
  type RemoteTrack,
} from '@livekit/rtc-node';
import type { Logger } from 'pino';
import {
  CAPTIONS_TOPIC,
  callRoleOf,
  type CaptionSpeaker,
  type LiveCaption,
} from '../../core/protocol/captions.js';
import type { Sentiment } from '../../core/protocol/vocabulary.js';
import { INITIAL_MOOD, moodOf, observeSentiment } from '../../core/urgency/mood.js';
import type { CaptionsSettings } from '../config.js';
import { CaptionBacklog, type BacklogCounts, type SpokenUtterance } from './CaptionBacklog.js';
import type { RoomAccess } from './roomAccess.js';
import { DEFAULT_CUTTER, UtteranceCutter } from './UtteranceCutter.js';
import { wavBytes } from './wav.js';
import { CAPTIONS_DIR_PREFIX } from './staleAudio.js';

const SAMPLE_RATE = 16_000;
/** As the API's rooms (media/LiveKitMedia.ts): nobody joining, or everybody gone, ends the call. */
const NOBODY_CAME_MS = 120_000;
const EVERYBODY_LEFT_MS = 20_000;
/** How soon a supervisor who starts listening gets captions. */
const READERS_REFRESH_MS = 2_000;

export interface CaptionerDeps {
  access: RoomAccess;
  transcribe: (wavPath: string, language: string | undefined) => Promise<{ text: string }>;
  /** The language of the call's request, when it is known: whisper need not detect it then. */
  languageOf: (sessionId: string) => Promise<string | undefined>;
  sentimentOf: (text: string) => Sentiment;
  settings: Pick<CaptionsSettings, 'silenceMs' | 'maxUtteranceMs' | 'maxPending'>;
  log: Logger;
}

export type CallOutcome = 'room-closed' | 'room-empty' | 'not-open' | 'stopped';
export interface CallCaptionsResult extends BacklogCounts {
  outcome: CallOutcome;
  captions: number;
  whisperMs: number;
}

/**
 * Captions one live call: joins its room hidden, cuts each party's audio into utterances, runs
 * whisper.cpp on them one at a time and publishes each caption, with the caller's mood so far, to
 * the agent and any supervisor in the room (never the user). Resolves when the room closes or
 * empties, or `stop` aborts (the worker is shutting down). The result holds counts, never words.
 */
export async function captionCall(
  target: { sessionId: string; room: string },
  deps: CaptionerDeps,
  stop: AbortSignal,
): Promise<CallCaptionsResult> {
  if (!(await deps.access.isOpen(target.room)))
    return { outcome: 'not-open', utterances: 0, merged: 0, dropped: 0, captions: 0, whisperMs: 0 };
  const language = await deps.languageOf(target.sessionId);
  const workDir = await mkdtemp(join(tmpdir(), CAPTIONS_DIR_PREFIX));
  const captioner = new CallCaptioner(target, deps, language, workDir);
  try {
    return await captioner.run(stop);
  } finally {
    await captioner.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

class CallCaptioner {
  private readonly room = new Room();
  private readonly log: Logger;
  private readonly backlog: CaptionBacklog;
  private readonly seq: Record<CaptionSpeaker, number> = { user: 0, agent: 0 };
  private mood = INITIAL_MOOD;
  /** Who may read captions, from the server's list: hidden supervisors too. */
  private readers: string[] = [];
  private refresher: NodeJS.Timeout | undefined;
  private captions = 0;
  private whisperMs = 0;

  constructor(
    private readonly target: { sessionId: string; room: string },
    private readonly deps: CaptionerDeps,
    private readonly language: string | undefined,
    private readonly workDir: string,
  ) {
    this.log = deps.log.child({ sessionId: target.sessionId });
    this.backlog = new CaptionBacklog(
      deps.settings.maxPending,
      // Two windows' worth: a merged window stays short enough for whisper to keep up.
      (2 * SAMPLE_RATE * deps.settings.maxUtteranceMs) / 1000,
      (utterance) => this.caption(utterance),
      (error) =>
        this.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'caption failed'),
    );
    this.room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, _pub, participant: RemoteParticipant) => {
      const role = callRoleOf(participant.identity);
      if (track.kind !== TrackKind.KIND_AUDIO || (role !== 'user' && role !== 'agent')) return;
      this.listen(track, role).catch((error: unknown) =>
        this.log.warn({ err: error }, 'audio stream failed'),
      );
    });
  }

  async run(stop: AbortSignal): Promise<CallCaptionsResult> {
    // A join that fails (LiveKit unreachable) throws before anything starts: the job is retried.
    const token = await this.deps.access.joinToken(this.target.room, this.target.sessionId);
    await this.room.connect(this.deps.access.url, token, { autoSubscribe: true, dynacast: false });
    this.log.info({ room: this.target.room }, 'captions joined the call');
    await this.refreshReaders();
    this.refresher = setInterval(() => void this.refreshReaders(), READERS_REFRESH_MS);
    const outcome = await untilCallOver(this.room, stop);
    await this.close();
    const { captions, whisperMs } = this;
    return { outcome, ...this.backlog.counts, captions, whisperMs: Math.round(whisperMs) };
  }

  /** Leaves the room and lets the whisper.cpp run in flight finish; idempotent. */
  async close(): Promise<void> {
    clearInterval(this.refresher);
    await this.room.disconnect().catch(() => undefined);
    await this.backlog.close();
  }

  private refreshReaders(): Promise<void> {
    return this.deps.access.captionReadersIn(this.target.room).then(
      (found) => void (this.readers = found),
      (error: unknown) => this.log.debug({ err: error }, 'could not list the room; keeping the last list'),
    );
  }

  private async listen(track: RemoteTrack, speaker: CaptionSpeaker): Promise<void> {
    const { silenceMs, maxUtteranceMs } = this.deps.settings;
    const cutter = new UtteranceCutter({ ...DEFAULT_CUTTER, silenceMs, maxUtteranceMs }, (utterance) =>
      this.backlog.add({ ...utterance, speaker, seq: this.seq[speaker]++ }),
    );
    for await (const frame of new AudioStream(track, { sampleRate: SAMPLE_RATE, numChannels: 1 }))
      cutter.push(frame.data, Date.now());
    cutter.flush();
  }

  private async transcribe(utterance: SpokenUtterance): Promise<string> {
    const wav = join(this.workDir, `${utterance.speaker}-${utterance.seq}.wav`);
    await writeFile(wav, wavBytes(utterance.samples, SAMPLE_RATE));
    const started = performance.now();
    try {
      return (await this.deps.transcribe(wav, this.language)).text.trim();
    } finally {
      const whisperMs = performance.now() - started;
      this.whisperMs += whisperMs;
      await rm(wav, { force: true });
      // Timings and sizes only: the words stay out of the log.
      this.log.debug(
        {
          speaker: utterance.speaker,
          seq: utterance.seq,
          audioMs: Math.round(utterance.samples.length / (SAMPLE_RATE / 1000)),
          waitedMs: Math.round(Date.now() - whisperMs - utterance.endedAt),
          whisperMs: Math.round(whisperMs),
        },
        'utterance transcribed',
      );
    }
  }

  private async caption(utterance: SpokenUtterance): Promise<void> {
    const text = await this.transcribe(utterance);
    if (utterance.speaker === 'user' && text)
      this.mood = observeSentiment(this.mood, this.deps.sentimentOf(text));
    const agents = [...this.room.remoteParticipants.keys()].filter((id) => callRoleOf(id) === 'agent');
    const readers = [...new Set([...agents, ...this.readers])];
    if (readers.length === 0 || !this.room.localParticipant) return;
    const message: LiveCaption = {
      type: 'caption',
      speaker: utterance.speaker,
      text: text.slice(0, 2000),
      seq: utterance.seq,
      startedAt: Math.round(utterance.startedAt),
      endedAt: Math.round(utterance.endedAt),
      publishedAt: Date.now(),
      mood: moodOf(this.mood),
    };
    await this.room.localParticipant.publishData(new TextEncoder().encode(JSON.stringify(message)), {
      reliable: true,
      topic: CAPTIONS_TOPIC,
      destination_identities: readers,
    });
    this.captions += 1;
  }
}

/** The room closed, nobody came or everybody left, or the worker is stopping. */
function untilCallOver(room: Room, stop: AbortSignal): Promise<CallOutcome> {
  let watch: NodeJS.Timeout | undefined;
  return new Promise<CallOutcome>((resolve) => {
    room.once(RoomEvent.Disconnected, () => resolve('room-closed'));
    if (stop.aborted) resolve('stopped');
    stop.addEventListener('abort', () => resolve('stopped'), { once: true });
    let aloneSince = Date.now();
    let anyoneCame = false;
    watch = setInterval(() => {
      const present = [...room.remoteParticipants.values()].some((p) =>
        ['user', 'agent'].includes(callRoleOf(p.identity) ?? ''),
      );
      anyoneCame ||= present;
      if (present) aloneSince = Date.now();
      else if (Date.now() - aloneSince >= (anyoneCame ? EVERYBODY_LEFT_MS : NOBODY_CAME_MS))
        resolve('room-empty');
    }, 1_000);
  }).finally(() => clearInterval(watch));
}
