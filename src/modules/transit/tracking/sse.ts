import type { FastifyReply, FastifyRequest } from 'fastify';

/** Counters of the live streams of this process (dropped: updates skipped for a slow client). */
export const sseStats = { open: 0, sent: 0, dropped: 0 };

/**
 * Turns a reply into a Server-Sent Events stream. `send` never blocks: while a client's socket buffer is
 * full the update is dropped for that client (the next position supersedes it anyway). A comment line
 * every 20 s keeps proxies from closing an idle stream. Calls `onClose` when the client goes away.
 */
export function openSse(
  request: FastifyRequest,
  reply: FastifyReply,
  onClose: () => void,
): { send: (event: string, data: unknown) => void } {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n\n');
  sseStats.open++;
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 20_000);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    sseStats.open--;
    clearInterval(heartbeat);
    onClose();
  };
  request.raw.on('close', close);
  res.on('close', close);
  return {
    send(event, data) {
      if (closed) return;
      if (res.writableNeedDrain) {
        sseStats.dropped++;
        return;
      }
      sseStats.sent++;
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
  };
}
