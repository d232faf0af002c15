/**
 * 16-bit mono PCM in a WAV container, as whisper.cpp reads it. whisper.cpp refuses input shorter
 * than a second, so shorter speech is padded with silence after it rather than lost.
 */
export function wavBytes(samples: Int16Array, sampleRate: number, minSeconds = 1.05): Buffer {
  const count = Math.max(samples.length, Math.ceil(sampleRate * minSeconds));
  const dataBytes = count * 2;
  const out = Buffer.alloc(44 + dataBytes);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16); // fmt chunk size
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 2, 28); // byte rate
  out.writeUInt16LE(2, 32); // block align
  out.writeUInt16LE(16, 34); // bits per sample
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i += 1) out.writeInt16LE(samples[i]!, 44 + i * 2);
  return out;
}
