/**
 * The line-by-line gzip: what it writes is gzip that Node's own decoder reads back byte for byte,
 * every chunk decodes as soon as it has arrived, and the response hook compresses only a 200
 * NDJSON answer to a client that takes gzip (checked over a real HTTP server).
 */
import fc from 'fast-check';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptsGzip, gzipStreamedLines, LineGzip } from './line-gzip';

/** What a streaming decoder has produced from the bytes so far (a sync flush makes them decodable). */
const decodedSoFar = (sent: Buffer[]): string =>
  zlib.gunzipSync(Buffer.concat(sent), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('utf8');

describe('LineGzip', () => {
  it('writes gzip that decodes to exactly the chunks given, each one as soon as it is sent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 3000 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 9 }),
        (chunks, level) => {
          const gzip = new LineGzip(level);
          const sent: Buffer[] = [];
          let expected = '';
          for (const chunk of chunks) {
            sent.push(gzip.chunk(Buffer.from(chunk, 'utf8')));
            expected += chunk;
            expect(decodedSoFar(sent)).toBe(expected);
          }
          sent.push(gzip.end());
          // The strict decoder checks the trailer's CRC-32 and length too.
          expect(zlib.gunzipSync(Buffer.concat(sent)).toString('utf8')).toBe(expected);
        },
      ),
      { numRuns: 200, seed: 20261130 },
    );
  });

  it('starts with the gzip header once and ends with the last block and a trailer that a wrong length fails', () => {
    const gzip = new LineGzip();
    const first = gzip.chunk(Buffer.from('{"i":0}\n'));
    expect([...first.subarray(0, 3)]).toEqual([0x1f, 0x8b, 0x08]);
    const second = gzip.chunk(Buffer.from('{"i":1}\n'));
    expect([...second.subarray(0, 2)]).not.toEqual([0x1f, 0x8b]);
    const end = gzip.end();
    const body = Buffer.concat([first, second, end]);
    expect(zlib.gunzipSync(body).toString()).toBe('{"i":0}\n{"i":1}\n');
    const badLength = Buffer.from(body);
    badLength.writeUInt32LE(badLength.readUInt32LE(badLength.length - 4) + 1, badLength.length - 4);
    expect(() => zlib.gunzipSync(badLength)).toThrow();
    const badCrc = Buffer.from(body);
    badCrc.writeUInt32LE(badCrc.readUInt32LE(badCrc.length - 8) ^ 1, badCrc.length - 8);
    expect(() => zlib.gunzipSync(badCrc)).toThrow();
  });

  it('an empty stream is a valid empty gzip, and an empty chunk writes nothing but the header', () => {
    expect(zlib.gunzipSync(new LineGzip().end()).length).toBe(0);
    const gzip = new LineGzip();
    expect(gzip.chunk(new Uint8Array(0)).length).toBe(10);
    expect(gzip.chunk(new Uint8Array(0)).length).toBe(0);
  });

  it('compresses: 100 log rows of JSON at level 1 are a fraction of their size', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({
      message: `GET /api/orders/${i} 200 in ${i * 7} ms`,
      level: 'info',
      pod: `web-${i % 5}`,
    }));
    const line = Buffer.from(`${JSON.stringify({ i: 0, response: { hits: rows } })}\n`);
    const gzip = new LineGzip();
    expect(gzip.chunk(line).length).toBeLessThan(line.length / 4);
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['GZIP', true],
    ['x-gzip', true],
    ['*', true],
    ['identity', false],
    ['', false],
    ['br', false],
    ['gzip;q=0', false],
    ['gzip;q=0.000', false],
    ['*;q=0', false],
    ['gzip;q=0, *', false],
    ['*, gzip;q=0', false],
    ['br, *;q=0.5', true],
    ['gzip;foo=bar', true],
    ['gzip;foo=bar;q=0', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it('reads a header given as a list, and no header as no gzip', () => {
    expect(acceptsGzip(['br', 'gzip'])).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe('gzipStreamedLines over a real server', () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  /** A server whose handler is hooked as the front door hooks the streamed search. */
  async function serve(handler: (res: http.ServerResponse, release: Promise<void>) => void): Promise<{ url: string; release: () => void }> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    server = http.createServer((req, res) => {
      gzipStreamedLines(req, res);
      handler(res, released);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, release };
  }

  /** The raw answer: status, headers, and the bytes as they came, in a promise per chunk. */
  function rawGet(url: string, acceptEncoding: string | null): Promise<http.IncomingMessage> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding };
      http.get(url, { headers }, resolve).on('error', reject);
    });
  }

  it('compresses a 200 NDJSON answer, and its first line decodes before the answer has ended', async () => {
    const { url, release } = await serve((res, released) => {
      res.statusCode = 200;
      res.setHeader('content-type', 'application/x-ndjson; charset=utf-8');
      res.setHeader('vary', 'rsc');
      res.write('{"i":0}\n');
      void released.then(() => res.end('{"i":1}\n', 'utf8'));
    });
    const res = await rawGet(url, 'gzip, deflate, br');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toBe('rsc, Accept-Encoding');
    expect(res.headers['content-length']).toBeUndefined();
    const sent: Buffer[] = [];
    const first = await new Promise<Buffer>((resolve) => res.once('data', resolve));
    sent.push(first);
    // The server has not ended: the first line is readable already.
    expect(decodedSoFar(sent)).toBe('{"i":0}\n');
    release();
    for await (const chunk of res) sent.push(chunk as Buffer);
    expect(zlib.gunzipSync(Buffer.concat(sent)).toString()).toBe('{"i":0}\n{"i":1}\n');
  });

  it('leaves the answer as it is for a client that does not take gzip, for JSON, and for an error status', async () => {
    const cases: { accept: string | null; type: string; status: number }[] = [
      { accept: null, type: 'application/x-ndjson', status: 200 },
      { accept: 'identity', type: 'application/x-ndjson', status: 200 },
      { accept: 'gzip', type: 'application/json', status: 200 },
      { accept: 'gzip', type: 'application/x-ndjson', status: 400 },
    ];
    for (const c of cases) {
      const { url, release } = await serve((res) => {
        res.statusCode = c.status;
        res.setHeader('content-type', c.type);
        res.write('{"a":');
        res.end(Buffer.from('1}\n'));
      });
      release();
      const res = await rawGet(url, c.accept);
      expect(res.headers['content-encoding']).toBeUndefined();
      let body = '';
      for await (const chunk of res) body += String(chunk);
      expect(body).toBe('{"a":1}\n');
      await new Promise((resolve) => server?.close(resolve));
    }
  });

  it('compresses text written in another encoding as the bytes it stands for', async () => {
    const line = '{"i":0,"message":"grüße"}\n';
    const { url, release } = await serve((res) => {
      res.setHeader('content-type', 'application/x-ndjson');
      res.write(Buffer.from(line).toString('base64'), 'base64');
      res.end(Buffer.from('{"i":1}\n').toString('hex'), 'hex');
    });
    release();
    const res = await rawGet(url, 'gzip');
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    expect(zlib.gunzipSync(Buffer.concat(chunks)).toString('utf8')).toBe(`${line}{"i":1}\n`);
  });

  it('keeps an encoding the handler chose, and an answer ended without a body is still valid gzip', async () => {
    const { url, release } = await serve((res) => {
      res.setHeader('content-type', 'application/x-ndjson');
      res.end();
    });
    release();
    const res = await rawGet(url, 'gzip');
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.concat(chunks)).length).toBe(0);
    await new Promise((resolve) => server?.close(resolve));

    const chosen = await serve((res) => {
      res.setHeader('content-type', 'application/x-ndjson');
      res.setHeader('content-encoding', 'br');
      res.end(zlib.brotliCompressSync('{"i":0}\n'));
    });
    chosen.release();
    const br = await rawGet(chosen.url, 'gzip, br');
    const brChunks: Buffer[] = [];
    for await (const chunk of br) brChunks.push(chunk as Buffer);
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(Buffer.concat(brChunks)).toString()).toBe('{"i":0}\n');
  });
});
