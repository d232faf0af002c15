/**
 * Reads what whisper.cpp's `main` prints: one line per segment on stdout,
 * `[00:00:00.000 --> 00:00:04.120]   text`, and, with `-l auto`, the detected language on stderr,
 * `whisper_full_with_state: auto-detected language: zh (p = 0.93)`.
 */

export interface Segment {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

export interface ParsedTranscript {
  text: string;
  language: string | null;
  segments: Segment[];
}

const SEGMENT = /^\[(\d+):(\d{2}):(\d{2})[.,](\d{3}) --> (\d+):(\d{2}):(\d{2})[.,](\d{3})\]\s?(.*)$/;
const DETECTED = /auto-detected language:\s*([a-z]{2,3})\b/;
/** Markers whisper prints for non-speech; not words the user said. */
const NON_SPEECH =
  /^\s*[[(](?:BLANK_AUDIO|MUSIC|Music|music|SILENCE|silence|NOISE|noise|inaudible|Applause|applause)[\])]\s*$/;

const seconds = (h: string, m: string, s: string, ms: string) =>
  Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;

export function parseWhisperOutput(stdout: string, stderr = ''): ParsedTranscript {
  const segments: Segment[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = SEGMENT.exec(line.trim());
    if (!match) continue;
    const text = match[9]!.trim();
    if (!text || NON_SPEECH.test(text)) continue;
    const [, h1, m1, s1, ms1, h2, m2, s2, ms2] = match;
    segments.push({
      startSeconds: seconds(h1!, m1!, s1!, ms1!),
      endSeconds: seconds(h2!, m2!, s2!, ms2!),
      text,
    });
  }
  const language = DETECTED.exec(stderr)?.[1] ?? null;
  const joiner = language === 'zh' || language === 'ja' ? '' : ' ';
  return {
    text: segments
      .map((s) => s.text)
      .join(joiner)
      .trim(),
    language,
    segments,
  };
}
