import { createReadStream } from 'node:fs';
import { connect } from 'node:net';

/** The outcome of a virus scan. */
export type ScanResult = { infected: false } | { infected: true; signature: string };

/** clamd could not scan (unreachable, refused the stream, answered with an error). */
export class ScannerUnavailable extends Error {}

// clamd's default StreamMaxLength is 25 MB; chunks stay far below its per-chunk ceiling.
const CHUNK = 64 * 1024;

function parseReply(reply: string): ScanResult {
  const line = reply.replace(/\0/g, '').trim();
  if (line === 'stream: OK') return { infected: false };
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found?.[1]) return { infected: true, signature: found[1] };
  throw new ScannerUnavailable(`clamd answered: ${line || '(nothing)'}`);
}

/**
 * Scans a file with clamd's INSTREAM command over TCP: `zINSTREAM\0`, then chunks each preceded by
 * its 4-byte big-endian length, then a zero length; clamd answers `stream: OK` or
 * `stream: <signature> FOUND`.
 */
export function scanFile(
  server: { host: string; port: number; timeoutMs?: number },
  path: string,
): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: server.host, port: server.port });
    const reply: Buffer[] = [];
    let settled = false;
    const finish = (error: Error | null, result?: ScanResult) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (error) reject(error instanceof ScannerUnavailable ? error : new ScannerUnavailable(error.message));
      else if (result) resolve(result);
    };
    socket.setTimeout(server.timeoutMs ?? 60_000, () => finish(new ScannerUnavailable('clamd timed out')));
    // clamd may answer early (e.g. size limit exceeded) and close: the reply counts, not the write error.
    socket.on('data', (data: Buffer) => reply.push(data));
    socket.on('end', () => {
      try {
        finish(null, parseReply(Buffer.concat(reply).toString('utf8')));
      } catch (error) {
        finish(error as Error);
      }
    });
    socket.on('error', (error) => {
      if (reply.length > 0) return;
      finish(error);
    });
    socket.on('connect', async () => {
      try {
        socket.write('zINSTREAM\0');
        for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
          const bytes = chunk as Buffer;
          const length = Buffer.alloc(4);
          length.writeUInt32BE(bytes.length);
          socket.write(length);
          if (!socket.write(bytes)) {
            await new Promise((r) => {
              socket.once('drain', r);
              socket.once('close', r);
            });
          }
          if (settled || socket.destroyed) return;
        }
        socket.write(Buffer.alloc(4));
      } catch (error) {
        finish(error as Error);
      }
    });
  });
}
