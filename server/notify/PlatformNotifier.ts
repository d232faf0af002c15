import { createHmac } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { noticeWords, type NoticeType } from './noticeWords.js';

export interface NotifierSettings {
  /** Where the host platform takes notifications; none configured means none are sent. */
  url: string | undefined;
  secret: string;
  timeoutMs: number;
}

/**
 * What the platform is told: which user to nudge about which case, and why (`message`: an agent
 * wrote; `callback.due`: an agent is calling them back now), in which language. Never the
 * conversation's words.
 */
export interface PlatformNotice {
  type: NoticeType;
  requestId: string;
  userId: string;
  at: string;
  /** The request's language (BCP 47). */
  language: string;
}

/** What the platform receives: the notice with a generic title and body to push as is. */
export interface PlatformNoticeBody extends PlatformNotice {
  /** The language `title` and `body` are in: the user's, or English when Lifeline does not speak it. */
  textLanguage: string;
  title: string;
  body: string;
}

/** The signature header value: HMAC-SHA256 over `${timestamp}.${rawBody}`, hex. */
export function signNotice(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/**
 * Tells the host platform that a user who is away has something waiting (an agent's reply), so it
 * can push a notification in the user's language. The platform verifies the signature over the
 * exact raw body and rejects stale timestamps. A failed delivery is logged and dropped: the message is stored and
 * shown when the user returns.
 */
export class PlatformNotifier {
  constructor(
    private readonly settings: NotifierSettings,
    private readonly log: FastifyBaseLogger,
  ) {}

  async notify(notice: PlatformNotice): Promise<void> {
    const { url, secret, timeoutMs } = this.settings;
    if (!url) return;
    const sent: PlatformNoticeBody = { ...notice, ...noticeWords(notice.type, notice.language) };
    const body = JSON.stringify(sent);
    const timestamp = String(Math.floor(Date.parse(notice.at) / 1000));
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-lifeline-timestamp': timestamp,
          'x-lifeline-signature': signNotice(secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok)
        this.log.warn(
          { status: response.status, requestId: notice.requestId },
          'platform notification refused',
        );
    } catch (error) {
      this.log.warn({ err: error, requestId: notice.requestId }, 'platform notification failed');
    }
  }
}
