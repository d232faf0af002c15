/** The P1 baseline: a bare `ws` echo server in its own process, as the API runs in its own. */
import { WebSocketServer } from 'ws';

const server = new WebSocketServer({ host: '127.0.0.1', port: Number(process.env.PORT) });
server.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
server.on('listening', () => console.log('READY'));
