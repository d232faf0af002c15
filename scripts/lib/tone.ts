/**
 * The test signal used wherever audio is generated (tests, bench, load): a voiced-like tone whose
 * pitch wanders, with a little noise, at 16 kHz. Its words are not the point.
 */
export function toneSource(seconds: number, noise = 0.05): string {
  return `aevalsrc=0.3*sin(2*PI*(180+60*sin(2*PI*0.5*t))*t)+${noise}*(random(0)-0.5):s=16000:d=${seconds}`;
}

/** ffmpeg arguments that write that tone as 16 kHz mono 16-bit WAV. */
export function toneWavArgs(seconds: number, output: string): string[] {
  return [
    '-nostdin',
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    toneSource(seconds),
    '-ac',
    '1',
    '-c:a',
    'pcm_s16le',
    output,
  ];
}
