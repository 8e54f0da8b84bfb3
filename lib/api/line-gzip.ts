/**
 * gzip for a streamed answer whose chunks must each be readable the moment they are sent (the
 * NDJSON lines of `POST /api/search/stream`), compressed on the calling thread.
 *
 * Why not Next.js's compression (or a `zlib.createGzip()` stream): they compress and flush each
 * chunk through libuv's thread pool, a round trip per write and per flush, which cost 3–4 ms of a
 * 20 ms screen on 2 cores (the same call answered uncompressed was that much faster; compressing
 * at level 1 in a stream did not change it). Node's synchronous zlib calls have no streaming form,
 * so each chunk is one `deflateRawSync` ending in a sync flush: a complete, byte-aligned run of
 * deflate blocks that is not the last, so the runs concatenate into one valid deflate stream
 * (RFC 1951 §3.2.3; each run starts with an empty window, costing a little ratio on lines of
 * 1–130 KB). The gzip frame around them is RFC 1952's fixed 10-byte header and its CRC-32 and
 * length trailer (`zlib.crc32`). Level 1: the lines go out at once, and level 1 keeps JSON within
 * ~15 % of level 6's size at a fraction of its time.
 */
import type http from 'node:http';
import zlib from 'node:zlib';

/** Magic, deflate, no flags, no mtime, no extra flags, unknown OS (RFC 1952 §2.3). */
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty final fixed-Huffman block: the end of the deflate stream. */
const LAST_BLOCK = Buffer.from([0x03, 0x00]);

export const LINE_GZIP_LEVEL = 1;

export class LineGzip {
  private crc = 0;
  private length = 0;
  private started = false;

  constructor(private readonly level = LINE_GZIP_LEVEL) {}

  /** The compressed form of `data`, decodable by the client as soon as it arrives (the header first, once). */
  chunk(data: Uint8Array): Buffer {
    const parts: Buffer[] = [];
    if (!this.started) {
      this.started = true;
      parts.push(HEADER);
    }
    if (data.length > 0) {
      this.crc = zlib.crc32(data, this.crc);
      this.length = (this.length + data.length) >>> 0;
      parts.push(zlib.deflateRawSync(data, { level: this.level, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  /** The end of the stream: the last block, then the CRC-32 and length of everything compressed. */
  end(): Buffer {
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(this.crc >>> 0, 0);
    trailer.writeUInt32LE(this.length, 4);
    return Buffer.concat([this.chunk(new Uint8Array(0)), LAST_BLOCK, trailer]);
  }
}

/**
 * Whether an `Accept-Encoding` header takes gzip (RFC 9110 §12.5.3): `gzip` (or `x-gzip`) with a
 * weight above 0, or else `*` with one.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const weights = new Map<string, number>();
  for (const part of value.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    weights.set(name, q === undefined ? 1 : Number(q.slice(2)));
  }
  const weight = weights.get('gzip') ?? weights.get('x-gzip') ?? weights.get('*') ?? 0;
  return weight > 0;
}

/** The streamed answers compressed here: NDJSON, whose lines are written as they are ready. */
const STREAMED_TYPE = 'application/x-ndjson';

type Write = (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean;

const bytes = (chunk: unknown, encoding: unknown): Uint8Array =>
  typeof chunk === 'string'
    ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
    : (chunk as Uint8Array);

/**
 * Compresses `res` with {@link LineGzip} when its answer is a 200 NDJSON stream and the client
 * takes gzip; any other answer is left as it is (Next.js compresses JSON itself; it does not
 * compress `application/x-ndjson`, which it does not know). The decision is made when the head is
 * written, so it covers every way Next.js writes one.
 */
export function gzipStreamedLines(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (!acceptsGzip(req.headers['accept-encoding'])) return;
  let gzip: LineGzip | null = null;
  const writeHead = res.writeHead;
  const write = res.write as Write;
  const end = res.end as (chunk?: unknown, encoding?: unknown, callback?: unknown) => http.ServerResponse;
  res.writeHead = function writeHeadMaybeGzip(this: http.ServerResponse, ...args: unknown[]) {
    const type = String(this.getHeader('content-type') ?? '');
    if (this.statusCode === 200 && type.startsWith(STREAMED_TYPE) && this.getHeader('content-encoding') === undefined) {
      gzip = new LineGzip();
      this.setHeader('content-encoding', 'gzip');
      this.removeHeader('content-length');
      const vary = this.getHeader('vary');
      this.setHeader('vary', vary === undefined ? 'Accept-Encoding' : `${String(vary)}, Accept-Encoding`);
    }
    return Reflect.apply(writeHead, this, args) as http.ServerResponse;
  } as typeof res.writeHead;
  res.write = function writeMaybeGzip(this: http.ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!gzip) return Reflect.apply(write, this, [chunk, encoding, callback]) as boolean;
    const cb = typeof encoding === 'function' ? encoding : callback;
    return write.call(this, gzip.chunk(bytes(chunk, encoding)), cb);
  } as typeof res.write;
  res.end = function endMaybeGzip(this: http.ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!gzip) return Reflect.apply(end, this, [chunk, encoding, callback]) as http.ServerResponse;
    const cb = [chunk, encoding, callback].find((a) => typeof a === 'function');
    const last = chunk === undefined || chunk === null || typeof chunk === 'function' ? new Uint8Array(0) : bytes(chunk, encoding);
    return end.call(this, Buffer.concat([gzip.chunk(last), gzip.end()]), cb);
  } as typeof res.end;
}
