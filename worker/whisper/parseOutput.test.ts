import { describe, expect, it } from 'vitest';
import { parseWhisperOutput } from './parseOutput.js';

// Lines as whisper.cpp's main prints them: the first from its README's jfk sample, the Chinese and
// blank-audio lines in the same format, and the stderr line of a real auto-detect run.
const JFK =
  '\n[00:00:00.000 --> 00:00:11.000]   And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.\n\n';

describe('parseWhisperOutput', () => {
  it('reads segments with their times', () => {
    const parsed = parseWhisperOutput(
      JFK,
      'whisper_full_with_state: auto-detected language: en (p = 0.977536)\n',
    );
    expect(parsed.language).toBe('en');
    expect(parsed.segments).toEqual([
      {
        startSeconds: 0,
        endSeconds: 11,
        text: 'And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.',
      },
    ]);
    expect(parsed.text).toBe(parsed.segments[0]!.text);
  });

  it('joins Chinese segments without spaces and keeps hours', () => {
    const stdout = [
      '[00:00:00.000 --> 00:00:03.200]  我的账号刚刚被盗了',
      '[00:00:03.200 --> 00:00:06.480]  请马上帮我',
      '[01:02:03.450 --> 01:02:05.000]  谢谢',
    ].join('\n');
    const parsed = parseWhisperOutput(
      stdout,
      'whisper_full_with_state: auto-detected language: zh (p = 0.912)',
    );
    expect(parsed.text).toBe('我的账号刚刚被盗了请马上帮我谢谢');
    expect(parsed.segments[2]).toEqual({ startSeconds: 3723.45, endSeconds: 3725, text: '谢谢' });
  });

  it('drops non-speech markers and ignores log lines', () => {
    const stdout = [
      'main: processing samples',
      '[00:00:00.000 --> 00:00:30.000]   [BLANK_AUDIO]',
      '[00:00:30.000 --> 00:00:31.000]   (music)',
      '',
    ].join('\n');
    expect(parseWhisperOutput(stdout)).toEqual({ text: '', language: null, segments: [] });
  });

  it('reads the exact output of this project’s whisper.cpp build on the generated model', () => {
    const parsed = parseWhisperOutput(
      '\n[00:00:00.360 --> 00:00:09.920]  dukabizo\n\n',
      'whisper_full_with_state: auto-detected language: fo (p = 0.027564)\n',
    );
    expect(parsed).toEqual({
      text: 'dukabizo',
      language: 'fo',
      segments: [{ startSeconds: 0.36, endSeconds: 9.92, text: 'dukabizo' }],
    });
  });
});
