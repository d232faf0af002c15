import { randomBytes } from 'node:crypto';

const MAX_COUNTER = 0xfff;

/**
 * Message ids that sort in the order they were made: UUIDv7 (RFC 9562), the millisecond first and
 * then a counter within it, so two lines written in one millisecond keep their order when read.
 */
export class MessageIds {
  private lastMs = -1;
  private counter = 0;

  next(ms: number): string {
    if (ms === this.lastMs && this.counter < MAX_COUNTER) this.counter += 1;
    else {
      this.lastMs = ms;
      this.counter = 0;
    }
    const time = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0').slice(-12);
    const random = randomBytes(9);
    const variant = (0x8 | (random[0]! & 0x3)).toString(16);
    const tail = random.subarray(1).toString('hex').slice(0, 15);
    const counter = this.counter.toString(16).padStart(3, '0');
    return `${time.slice(0, 8)}-${time.slice(8)}-7${counter}-${variant}${tail.slice(0, 3)}-${tail.slice(3, 15)}`;
  }
}
