/**
 * Child of the P2 bench: opens COUNT sockets to the API with request tokens minted here, prints
 * `OPEN <n> <failed> <ms>`, then keeps PINGERS sockets ping-ponging for PING_MS and prints
 * `PONGS <n>`. It stays connected until its parent ends it.
 */
import WebSocket from 'ws';
import { LifelineTokens } from '../../server/auth/LifelineTokens.js';

const env = process.env;
const count = Number(env.COUNT);
const url = env.WS_URL!;
const tokens = new LifelineTokens(env.LIFELINE_SECRET!, { agentSeconds: 3600, requestSeconds: 3600 });
const sockets: WebSocket[] = [];
let failed = 0;
const started = Date.now();
const BATCH = 500;

for (let offset = 0; offset < count; offset += BATCH) {
  await Promise.all(
    Array.from({ length: Math.min(BATCH, count - offset) }, async (_, i) => {
      const token = await tokens.signRequest(`bench-${env.CLIENT}-${offset + i}`, `viewer-${offset + i}`);
      const socket = new WebSocket(`${url}?token=${token}`);
      await new Promise<void>((resolve) => {
        socket.once('message', () => resolve());
        socket.once('error', () => {
          failed += 1;
          resolve();
        });
      });
      sockets.push(socket);
    }),
  );
}
console.log(`OPEN ${sockets.length - failed} ${failed} ${Date.now() - started}`);

const pingers = sockets.filter((s) => s.readyState === WebSocket.OPEN).slice(0, Number(env.PINGERS));
let pongs = 0;
const until = Date.now() + Number(env.PING_MS);
await Promise.all(
  pingers.map(
    (socket) =>
      new Promise<void>((resolve) => {
        const ping = () => (Date.now() < until ? socket.send('{"type":"ping"}') : resolve());
        socket.on('message', (data) => {
          if (String(data).includes('"pong"')) {
            pongs += 1;
            ping();
          }
        });
        ping();
      }),
  ),
);
console.log(`PONGS ${pongs}`);
setInterval(() => {}, 60_000);
