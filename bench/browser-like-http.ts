/**
 * The benches' HTTP client for calls that stand for the browser's: a POST over a kept-alive
 * connection that asks for gzip, as Chromium does, and decodes the answer the way a browser's
 * cost falls — once, when the bytes are in — rather than Node's `fetch` (undici) way of
 * inflating each chunk through a zlib stream on libuv's thread pool.
 *
 * Why it matters: a streamed answer comes in several chunks, and undici's decoder pays a thread
 * pool round trip for each of them in series, where a browser decodes on its network thread as
 * the bytes arrive. Measured on the 10M set (7 d namespace screen, 300 interleaved runs): the
 * app's streamed call with `fetch` took 14.3 ms gzip'd and 12.4 ms uncompressed; with this client
 * the two were within 0.3 ms. Answers of one chunk (the Kibana-like hop's) lose less to `fetch`,
 * so measuring with it charged the streamed screen for the bench's client. Every way that stands
 * for a browser call — the app's and the Kibana-like hop's alike — goes through this client.
 */
import { Agent, request } from 'node:http';
import { constants, gunzipSync } from 'node:zlib';

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

export interface BrowserLikeAnswer {
  status: number;
  /** The decoded body. */
  text: string;
  /** Each chunk as it came off the socket: ms from `t0`, and its bytes (still encoded). */
  chunks: { at: number; bytes: Buffer }[];
  /** The body's `content-encoding`, if any. */
  encoding: string | undefined;
}

/** POSTs `body` as JSON to `url` and waits for the whole answer; chunk times are from `t0`. */
export function browserLikePost(url: string, body: unknown, t0 = performance.now()): Promise<BrowserLikeAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', accept: 'application/json, application/x-ndjson', 'accept-encoding': 'gzip' },
      },
      (res) => {
        const chunks: BrowserLikeAnswer['chunks'] = [];
        res.on('data', (bytes: Buffer) => chunks.push({ at: performance.now() - t0, bytes }));
        res.on('error', reject);
        res.on('end', () => {
          const raw = Buffer.concat(chunks.map((c) => c.bytes));
          const encoding = res.headers['content-encoding'];
          const text = (encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
          resolve({ status: res.statusCode ?? 0, text, chunks, encoding });
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/**
 * When each line of an NDJSON answer was whole: the arrival of the chunk that completed it. Decodes
 * the body again chunk prefix by chunk prefix, so call it after the timing, not inside it.
 */
export function lineArrivals(answer: BrowserLikeAnswer): number[] {
  const arrivals: number[] = [];
  let lines = 0;
  for (let k = 0; k < answer.chunks.length; k++) {
    const prefix = Buffer.concat(answer.chunks.slice(0, k + 1).map((c) => c.bytes));
    const text =
      answer.encoding === 'gzip' ? gunzipSync(prefix, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8') : prefix.toString('utf8');
    const complete = text.split('\n').length - 1;
    for (; lines < complete; lines++) arrivals.push(answer.chunks[k]!.at);
  }
  return arrivals;
}
