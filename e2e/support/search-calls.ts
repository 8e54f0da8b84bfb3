/**
 * The explorer's search calls: `POST /api/search` (a lone search, a later page) and
 * `POST /api/search/stream` (the parts of a screen started together, lib/queries/search-stream.ts).
 */
export const isSearchCall = (url: string): boolean => /\/api\/search(\/stream)?$/.test(new URL(url).pathname);

/**
 * The status and body of a search call as one search's answer: POST /api/search's own, or for a
 * streamed call the first search that failed (else the first line).
 */
export async function searchAnswer(response: {
  status(): number;
  text(): Promise<string>;
  url(): string;
}): Promise<{ status: number; body: unknown }> {
  const text = await response.text();
  if (!new URL(response.url()).pathname.endsWith('/stream') || response.status() !== 200) {
    return { status: response.status(), body: JSON.parse(text) as unknown };
  }
  const lines = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { i: number; status?: number; error?: unknown; response?: unknown });
  const failed = lines.find((l) => l.error !== undefined);
  if (failed) return { status: failed.status ?? 500, body: { error: failed.error } };
  return { status: 200, body: lines[0]?.response };
}
