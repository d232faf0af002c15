import { primaryLanguage } from '../../core/routing/eligibility.js';
import type { StreamContext } from '../../core/protocol/domain.js';
import type { RoutingReason } from '../../core/routing/policy/reasons.js';
import type {
  Channel,
  HandoffReason,
  MediaKind,
  RequestState,
  Sentiment,
  Tier,
  TranscriptStatus,
  UrgencyLevel,
} from '../../core/protocol/vocabulary.js';

/** What a help request is when it enters the queue. */
export interface NewRequest {
  id: string;
  userId: string;
  userName?: string;
  tier: Tier;
  channel: Channel;
  media?: MediaKind;
  language: string;
  category: string;
  text?: string;
  score: number;
  level: UrgencyLevel;
  reasons: string[];
  stream?: StreamContext;
  sentiment?: Sentiment;
  createdAt: number;
  /** Why the assistant stepped aside for a person, when it looked at the request first. */
  handoffReason?: HandoffReason;
  /** The language the user's app or widget said, when the text is in another (`language`). */
  statedLanguage?: string;
}

export interface Transcript {
  status: TranscriptStatus;
  text?: string;
  language?: string;
  segments?: { startSeconds: number; endSeconds: number; text: string }[];
}

/** What a video clip adds to a recorded message. */
export interface VideoExtras {
  width: number;
  height: number;
  hasAudio: boolean;
}

export interface RequestRecord extends NewRequest {
  state: RequestState;
  /** The request's recorded message: a voice message, or a video clip (then `video` is set too). */
  voice?: { contentType: string; seconds: number };
  video?: VideoExtras;
  transcript?: Transcript;
  offerId?: string;
  offerAgentId?: string;
  sessionId?: string;
  agentId?: string;
  endedReason?: string;
  /** When the voice message's urgency was applied. */
  scoredAt?: number;
  declinedBy: Record<string, number>;
  /** The routing policy queue it joined, if a policy is in force. */
  policyQueue?: string;
  /** Why it reached more agents than its queue first asked for, or was escalated. */
  routingReasons: RoutingReason[];
  /** Set by a cold transfer: who sent it back to the queue, and their note for the next agent. */
  transfer?: { fromAgentId: string; note?: string };
  /** While the assistant holds it: the articles it has answered with, and how often the user said they did not help. */
  assistant?: { shownArticleIds: string[]; notHelped: number };
}

export function encodeNewRequest(request: NewRequest): string[] {
  const fields: Record<string, string | undefined> = {
    id: request.id,
    userId: request.userId,
    userName: request.userName,
    tier: request.tier,
    channel: request.channel,
    media: request.media,
    language: request.language,
    category: request.category,
    text: request.text,
    score: String(request.score),
    level: request.level,
    reasons: JSON.stringify(request.reasons),
    stream: request.stream ? JSON.stringify(request.stream) : undefined,
    sentiment: request.sentiment,
    createdAt: String(request.createdAt),
    handoffReason: request.handoffReason,
    statedLanguage: request.statedLanguage,
  };
  return Object.entries(fields).flatMap(([key, value]) => (value === undefined ? [] : [key, value]));
}

/** A request's hash fields as the queue keeps it: its own, and the language its routes index. */
export function encodeQueuedRequest(request: NewRequest): string[] {
  return [...encodeNewRequest(request), 'routeLang', primaryLanguage(request.language)];
}

/** A JSON field of a hash, or `fallback` when it is absent or unreadable. */
export function parseJson<T>(raw: string | null | undefined, fallback: T): T {
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export const decodeReasons = (raw: string | undefined): RoutingReason[] => parseJson(raw, []);

/** Lua's cjson writes an empty table as {} but may write timestamps as strings: normalise both. */
export function decodeDeclined(raw: string | undefined): Record<string, number> {
  const parsed = parseJson<Record<string, unknown>>(raw, {});
  const out: Record<string, number> = {};
  for (const [agentId, at] of Object.entries(parsed))
    if (Number.isFinite(Number(at))) out[agentId] = Number(at);
  return out;
}

export function decodeRequest(hash: Record<string, string>): RequestRecord | null {
  if (!hash.id) return null;
  const optional = (key: string) => (hash[key] ? hash[key] : undefined);
  return {
    id: hash.id,
    userId: hash.userId ?? '',
    userName: optional('userName'),
    tier: (hash.tier ?? 'regular') as Tier,
    channel: (hash.channel ?? 'text') as Channel,
    media: optional('media') as MediaKind | undefined,
    language: hash.language ?? '',
    category: hash.category ?? 'general',
    text: optional('text'),
    score: Number(hash.score ?? 0),
    level: (hash.level ?? 'normal') as UrgencyLevel,
    reasons: parseJson<string[]>(hash.reasons, []),
    stream: parseJson<StreamContext | undefined>(hash.stream, undefined),
    createdAt: Number(hash.createdAt ?? 0),
    state: (hash.state ?? 'queued') as RequestState,
    offerId: optional('offerId'),
    offerAgentId: optional('offerAgentId'),
    sessionId: optional('sessionId'),
    agentId: optional('agentId'),
    endedReason: optional('endedReason'),
    scoredAt: hash.scoredAt ? Number(hash.scoredAt) : undefined,
    declinedBy: decodeDeclined(hash.declined),
    policyQueue: optional('policyQueue'),
    routingReasons: decodeReasons(hash.routingReasons),
    sentiment: optional('sentiment') as Sentiment | undefined,
    handoffReason: optional('handoffReason') as HandoffReason | undefined,
    statedLanguage: optional('statedLanguage'),
    transfer: hash.transferredBy
      ? { fromAgentId: hash.transferredBy, note: optional('transferNote') }
      : undefined,
    assistant:
      hash.state === 'assistant'
        ? {
            shownArticleIds: parseJson<string[]>(hash.shownArticles, []),
            notHelped: Number(hash.notHelped ?? 0),
          }
        : undefined,
    voice: hash.voiceContentType
      ? { contentType: hash.voiceContentType, seconds: Number(hash.voiceSeconds ?? 0) }
      : undefined,
    video: hash.videoWidth
      ? {
          width: Number(hash.videoWidth),
          height: Number(hash.videoHeight ?? 0),
          hasAudio: hash.videoAudio === '1',
        }
      : undefined,
    transcript: hash.transcriptStatus
      ? {
          status: hash.transcriptStatus as TranscriptStatus,
          text: optional('transcriptText'),
          language: optional('transcriptLanguage'),
          segments: parseJson(hash.transcriptSegments, undefined),
        }
      : undefined,
  };
}
