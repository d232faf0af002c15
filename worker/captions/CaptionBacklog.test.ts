import { describe, expect, it } from 'vitest';
import { CaptionBacklog, type SpokenUtterance } from './CaptionBacklog.js';

const utterance = (speaker: 'user' | 'agent', seq: number, samples = 100): SpokenUtterance => ({
  speaker,
  seq,
  samples: new Int16Array(samples),
  startedAt: seq * 1000,
  endedAt: seq * 1000 + 500,
});

/** A whisper that finishes only when the test lets it. */
function heldWhisper() {
  const seen: SpokenUtterance[] = [];
  const releases: (() => void)[] = [];
  const caption = (u: SpokenUtterance) =>
    new Promise<void>((resolve) => {
      seen.push(u);
      releases.push(resolve);
    });
  const releaseNext = async () => {
    releases.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { seen, caption, releaseNext };
}

describe('a call’s backlog on its way to whisper', () => {
  it('runs one utterance at a time, in order', async () => {
    const whisper = heldWhisper();
    const backlog = new CaptionBacklog(3, 1000, whisper.caption, () => undefined);
    backlog.add(utterance('user', 0));
    backlog.add(utterance('agent', 0));
    expect(whisper.seen.map((u) => u.speaker)).toEqual(['user']);
    await whisper.releaseNext();
    expect(whisper.seen.map((u) => u.speaker)).toEqual(['user', 'agent']);
    await whisper.releaseNext();
  });

  it('merges beyond the bound when the last waiting one is the same speaker’s', async () => {
    const whisper = heldWhisper();
    const backlog = new CaptionBacklog(2, 250, whisper.caption, () => undefined);
    backlog.add(utterance('user', 0)); // running
    backlog.add(utterance('user', 1)); // waiting
    backlog.add(utterance('user', 2)); // merged into 1
    expect(backlog.counts).toEqual({ utterances: 3, merged: 1, dropped: 0 });
    await whisper.releaseNext();
    const merged = whisper.seen[1]!;
    expect(merged).toMatchObject({ seq: 1, startedAt: 1000, endedAt: 2500 });
    expect(merged.samples.length).toBe(200);
    await whisper.releaseNext();
  });

  it('otherwise drops the oldest waiting one for the newest, so what is shown stays live', async () => {
    const whisper = heldWhisper();
    const backlog = new CaptionBacklog(2, 250, whisper.caption, () => undefined);
    backlog.add(utterance('user', 0)); // running
    backlog.add(utterance('user', 1)); // waiting
    backlog.add(utterance('agent', 0)); // the user's waiting one is dropped for it
    backlog.add(utterance('agent', 1, 200)); // too long to merge: agent 0 is dropped for it
    expect(backlog.counts).toEqual({ utterances: 4, merged: 0, dropped: 2 });
    await whisper.releaseNext();
    expect(whisper.seen.map((u) => `${u.speaker}${u.seq}`)).toEqual(['user0', 'agent1']);
    await whisper.releaseNext();
  });

  it('keeps going after a failed transcription and reports it', async () => {
    const errors: unknown[] = [];
    const done: number[] = [];
    const backlog = new CaptionBacklog(
      4,
      1000,
      async (u) => {
        if (u.seq === 0) throw new Error('whisper.cpp exited with 1');
        done.push(u.seq);
      },
      (error) => errors.push(error),
    );
    backlog.add(utterance('user', 0));
    backlog.add(utterance('user', 1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await backlog.close();
    expect(errors).toHaveLength(1);
    expect(done).toEqual([1]);
  });

  it('takes nothing once closed, and drops what waits', async () => {
    const whisper = heldWhisper();
    const backlog = new CaptionBacklog(3, 1000, whisper.caption, () => undefined);
    backlog.add(utterance('user', 0));
    backlog.add(utterance('user', 1));
    const closed = backlog.close();
    backlog.add(utterance('user', 2));
    await whisper.releaseNext();
    await closed;
    expect(whisper.seen.map((u) => u.seq)).toEqual([0]);
  });
});
