import { ApiError } from '@/lib/api/errors';

/**
 * The largest request body any JSON route accepts. The search schema's own limits would allow
 * far more in theory (50 filters × 100 values × 1 KB); this cap is the tighter, practical bound,
 * and it is applied while reading, before any parsing.
 */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'payload_too_large', `the request body is larger than ${Math.round(limit / 1024)} KB`);
}

/** Reads the body as UTF-8, giving up as soon as it passes `limit` bytes. */
async function readCapped(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The parsed JSON body; an empty body counts as `{}` so every field can take its default. */
export async function readJsonBody(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const text = await readCapped(request, limit);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const reason = err instanceof SyntaxError ? err.message : 'unreadable';
    throw new ApiError(400, 'invalid_json', `the request body is not valid JSON: ${reason}`);
  }
}
