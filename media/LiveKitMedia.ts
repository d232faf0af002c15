import { AccessToken, RoomServiceClient, TrackSource, TwirpError, WebhookReceiver } from 'livekit-server-sdk';
import { LifelineError } from '../core/errors/LifelineError.js';
import type { JoinGrant, MediaEvent, MediaPlane } from './MediaPlane.js';

export interface LiveKitOptions {
  url: string;
  publicUrl: string;
  apiKey: string;
  apiSecret: string;
  tokenTtlSeconds: number;
  requestTimeoutSeconds?: number;
}

/** Rooms outlive a silent start only briefly: nobody joining within this ends the session. */
const EMPTY_ROOM_TIMEOUT_SECONDS = 120;
const DEPARTURE_TIMEOUT_SECONDS = 20;

function httpUrl(url: string): string {
  return url.replace(/^ws(s?):\/\//, 'http$1://');
}

/** LiveKit behind the MediaPlane interface: rooms through RoomServiceClient, tokens minted here only. */
export class LiveKitMedia implements MediaPlane {
  private readonly rooms: RoomServiceClient;
  private readonly webhooks: WebhookReceiver;
  readonly publicUrl: string;

  constructor(private readonly options: LiveKitOptions) {
    this.rooms = new RoomServiceClient(httpUrl(options.url), options.apiKey, options.apiSecret, {
      requestTimeout: options.requestTimeoutSeconds ?? 5,
    });
    this.webhooks = new WebhookReceiver(options.apiKey, options.apiSecret);
    this.publicUrl = options.publicUrl;
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new LifelineError('LIFELINE_MEDIA_UNAVAILABLE', undefined, { cause: error });
    }
  }

  async createRoom(name: string): Promise<void> {
    await this.call(() =>
      this.rooms.createRoom({
        name,
        emptyTimeout: EMPTY_ROOM_TIMEOUT_SECONDS,
        departureTimeout: DEPARTURE_TIMEOUT_SECONDS,
        // The user, the agent, a colleague consulting and up to three supervisors (the captions
        // worker joins as an agent-kind participant, which does not count).
        maxParticipants: 6,
      }),
    );
  }

  async deleteRoom(name: string): Promise<void> {
    try {
      await this.rooms.deleteRoom(name);
    } catch (error) {
      if (error instanceof TwirpError && error.status === 404) return;
      throw new LifelineError('LIFELINE_MEDIA_UNAVAILABLE', undefined, { cause: error });
    }
  }

  /** The smallest grant that works: join this one room, nothing administrative, short-lived. */
  async joinToken(grant: JoinGrant): Promise<string> {
    const token = new AccessToken(this.options.apiKey, this.options.apiSecret, {
      identity: grant.identity,
      name: grant.name,
      ttl: Math.min(grant.ttlSeconds ?? Infinity, this.options.tokenTtlSeconds),
    });
    token.addGrant({
      room: grant.room,
      roomJoin: true,
      canPublish: grant.canPublish,
      // Nobody in a call sends data: chat goes through Lifeline, captions come from the worker's own grant.
      canPublishData: false,
      canSubscribe: true,
      ...(grant.publishSources && {
        canPublishSources: grant.publishSources.map(() => TrackSource.MICROPHONE),
      }),
      ...(grant.hidden && { hidden: true }),
    });
    return token.toJwt();
  }

  async removeParticipant(room: string, identity: string): Promise<void> {
    try {
      await this.rooms.removeParticipant(room, identity);
    } catch (error) {
      if (error instanceof TwirpError && error.status === 404) return;
      throw new LifelineError('LIFELINE_MEDIA_UNAVAILABLE', undefined, { cause: error });
    }
  }

  async receiveWebhook(rawBody: string, authorization: string | undefined): Promise<MediaEvent> {
    let event;
    try {
      event = await this.webhooks.receive(rawBody, authorization);
    } catch (error) {
      throw new LifelineError('LIFELINE_BAD_SIGNATURE', undefined, { cause: error });
    }
    const kind =
      event.event === 'participant_left' || event.event === 'room_finished' ? event.event : 'other';
    return { event: kind, room: event.room?.name, participantIdentity: event.participant?.identity };
  }

  async ping(): Promise<void> {
    await this.call(() => this.rooms.listRooms(['lifeline-readiness-probe']));
  }
}
