// A pass-through in front of the simulator that writes down what reaches it: every HTTP request (method,
// path, time) and every WebSocket upgrade. The extension is pointed at it instead of the simulator, so a
// test can count what Kraken would have received (e.g. CancelAllOrdersAfter calls) without the simulator
// having to know about tests. Bytes are forwarded untouched, both ways.
import { once } from 'node:events';
import { createServer, request } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface LoggedRequest {
  method: string;
  path: string;
  at: number;
  /** True for a WebSocket upgrade (`/v2`, `/v2-auth`). */
  upgrade: boolean;
}

export interface RequestLog {
  /** The origin to give the extension, e.g. http://127.0.0.1:41234 */
  origin: string;
  requests: LoggedRequest[];
  /**
   * Times (ms) of the requests to one path, e.g. POSTs to '/0/private/CancelAllOrdersAfter' (the browser's
   * CORS preflight, an OPTIONS, precedes some of them), or upgrades of '/v2-auth'.
   */
  times(path: string, opts?: { upgrade?: boolean; method?: string }): number[];
  close(): Promise<void>;
}

export async function startRequestLog(simRest: string): Promise<RequestLog> {
  const sim = new URL(simRest);
  const port = Number(sim.port);
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? 'GET', path, at: Date.now(), upgrade: false });
    const upstream = request(
      { host: sim.hostname, port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req, client: Socket, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? 'GET', path, at: Date.now(), upgrade: true });
    const upstream = connect(port, sim.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      client.pipe(upstream).pipe(client);
    });
    sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', end).on('close', end);
    client.on('error', end).on('close', end);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('request log: no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    requests,
    times: (path, opts = {}) =>
      requests
        .filter(
          (r) =>
            r.path === path &&
            (opts.upgrade === undefined || r.upgrade === opts.upgrade) &&
            (opts.method === undefined || r.method === opts.method),
        )
        .map((r) => r.at),
    async close() {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close').catch(() => {});
    },
  };
}
