import { atLeast, below, figure, REPORT_ONLY } from '../figure.js';
import type { BenchGroup } from '../group.js';
import { benchMessageDelivery } from '../messages.js';
import { benchSockets } from '../sockets.js';

const GOALS = {
  sockets: 20_000,
  socketsRssMiB: 1536,
  messageP99Ms: 50,
};

export const p2: BenchGroup = {
  title: 'P2 WebSockets held by one API process',
  run: async ({ progress }) => {
    const sockets = await benchSockets({
      sockets: 19_000,
      clients: 2,
      pingers: 1000,
      pingMs: 5000,
      onProgress: progress,
    });
    return {
      figures: [
        figure({
          name: 'P2 concurrent WebSockets on one API process',
          value: sockets.sockets,
          unit: 'sockets',
          // The report has always shown this goal as the bare count.
          goal: { ...atLeast(GOALS.sockets), label: `${GOALS.sockets}` },
          baseline: `this sandbox caps open files at 20,000 per process; ${sockets.failed} failed`,
        }),
        figure({
          name: 'P2 API resident memory at that count',
          value: sockets.peakRssMiB,
          unit: 'MiB',
          goal: below(GOALS.socketsRssMiB, ' MiB'),
          baseline: `idle ${sockets.idleRssMiB} MiB; ${sockets.kibPerSocket} KiB per socket`,
        }),
        figure({
          name: 'P2 ping/pong throughput while holding them',
          value: sockets.pingPongPerSecond,
          unit: 'messages/s',
          goal: REPORT_ONLY,
          baseline: '1,000 sockets ping-ponging',
        }),
      ],
      raw: { sockets },
    };
  },
};

export const messages: BenchGroup = {
  title: 'conversation message delivery: users on one API instance, agents on another',
  run: async ({ progress }) => {
    const result = await benchMessageDelivery({
      conversations: 10,
      messagesEach: 150,
      warmEach: 20,
      gapMs: 20,
      onProgress: progress,
    });
    const { delivery, echo } = result;
    return {
      figures: [
        figure({
          name: 'message delivery p99 (user WS on A → agent socket on B)',
          value: delivery.p99,
          unit: 'ms',
          goal: below(GOALS.messageP99Ms, ' ms'),
          baseline: `p50 ${delivery.p50.toFixed(2)} ms over ${delivery.samples} messages in ${result.conversations} conversations; bare ws echo round trip p50 ${echo.p50.toFixed(2)} ms, p99 ${echo.p99.toFixed(2)} ms`,
        }),
      ],
      raw: { messages: result },
    };
  },
};
