import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ClientFrame, type ClientFrameType } from '../../../core/protocol/frames.js';
import { agentStatus } from './agentStatus.js';
import { message } from './message.js';
import { offerAccept } from './offerAccept.js';
import { offerDecline } from './offerDecline.js';
import { ping } from './ping.js';
import { sessionEnd } from './sessionEnd.js';
import type { FrameHandler } from './types.js';

type AnyHandler = FrameHandler<ClientFrameType>;
type Member = (typeof ClientFrame.anyOf)[number];

const HANDLERS = [
  agentStatus,
  offerAccept,
  offerDecline,
  sessionEnd,
  message,
  ping,
] as unknown as AnyHandler[];

/** Each message type's compiled schema and handler; a type without both cannot be registered. */
export const FRAME_ROUTES: ReadonlyMap<string, { check: TypeCheck<Member>; handler: AnyHandler }> = new Map(
  ClientFrame.anyOf.map((member: Member) => {
    const type = member.properties.type.const as ClientFrameType;
    const handler = HANDLERS.find((h) => h.type === type);
    if (!handler) throw new Error(`no handler for client frame ${type}`);
    return [type, { check: TypeCompiler.Compile(member), handler }] as const;
  }),
);
