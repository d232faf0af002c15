/** Queue names and the BullMQ key prefix, shared by the API (producer) and workers (consumers). */
export const VOICE_QUEUE = 'voice';

export function bullPrefix(keyPrefix: string): string {
  return `${keyPrefix}bull`;
}
