import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStillServing, startGuardedCluster } from '../support/badInput.js';
import { createHelpRequest, WsClient } from '../support/clients.js';
import type { Cluster, Instance } from '../support/cluster.js';

/** Bad WebSocket frames: malformed, unknown, invalid, forbidden, oversize and a flood. */
let cluster: Cluster;
let app: Instance;

beforeAll(async () => {
  cluster = await startGuardedCluster();
  app = cluster.instances[0]!;
});
afterAll(() => cluster.close());

describe('bad WebSocket frames get a coded error or close code', () => {
  it('answers malformed, unknown, invalid and forbidden frames with coded errors and keeps serving', async () => {
    const request = await createHelpRequest(app, cluster.config, { language: 'el' });
    const user = await WsClient.connect(app.wsUrl, request.accessToken);
    user.send('{not json');
    expect((await user.next('error')).code).toBe('LIFELINE_BAD_JSON');
    user.send({ type: 'teleport', ref: 'u1' });
    expect(await user.next('error')).toMatchObject({ code: 'LIFELINE_UNKNOWN_MESSAGE', ref: 'u1' });
    user.send({ type: 'offer.accept', ref: 'u2' });
    expect(await user.next('error')).toMatchObject({ code: 'LIFELINE_VALIDATION', ref: 'u2' });
    user.send({ type: 'agent.status', status: 'available', ref: 'u3' });
    expect(await user.next('error')).toMatchObject({ code: 'LIFELINE_FORBIDDEN', ref: 'u3' });
    user.send({ type: 'offer.accept', offerId: 'someone-elses', ref: 'u4' });
    expect(await user.next('error')).toMatchObject({ code: 'LIFELINE_FORBIDDEN', ref: 'u4' });
    user.send({ type: 'ping', ref: 'alive' });
    expect(await user.next('pong')).toMatchObject({ ref: 'alive' });
    user.close();
  });

  it('closes with 4413 on an oversize frame and 4429 on a flood', async () => {
    const request = await createHelpRequest(app, cluster.config, { language: 'hu' });
    const big = await WsClient.connect(app.wsUrl, request.accessToken);
    big.send({ type: 'ping', pad: 'x'.repeat(2000) });
    expect(await big.closed).toEqual({ code: 4413, reason: 'LIFELINE_PAYLOAD_TOO_LARGE' });

    const flood = await WsClient.connect(app.wsUrl, request.accessToken);
    for (let i = 0; i < 40; i += 1) flood.send({ type: 'ping' });
    expect(await flood.closed).toEqual({ code: 4429, reason: 'LIFELINE_RATE_LIMITED' });
  });

  it('is still healthy and pairing after all of the above', () => expectStillServing(app, cluster.config));
});
