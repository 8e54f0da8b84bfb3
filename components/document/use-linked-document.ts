'use client';
/**
 * The document a URL's `doc=` names: from the loaded rows when it is one of them, otherwise
 * fetched by index and id (GET /api/doc) wherever it lies, with a check of whether it still
 * belongs to the screen.
 */
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@/lib/queries/api-error';
import { docMatchQueryOptions, docQueryOptions, type DocMatch } from '@/lib/queries/doc';
import type { SearchHit, SearchRequest } from '@/lib/schema/search';
import type { DocRef } from '@/lib/url-state/codec';

export interface LinkedDocument {
  hit: SearchHit | undefined;
  /** Null while unknown, and for a document among the loaded rows (it matches, by definition). */
  match: DocMatch | null;
  loading: boolean;
  /** `not_found` when the engine has no such document (deleted, or its index removed). */
  error: { notFound: boolean; message: string } | null;
}

interface Input {
  docRef: DocRef | null;
  rows: readonly SearchHit[];
  request: SearchRequest;
  /** The screen's resolved range; the check waits for it. */
  range: { from: number; to: number } | undefined;
}

export function useLinkedDocument({ docRef, rows, request, range }: Input): LinkedDocument {
  const loaded = docRef ? rows.find((r) => r.index === docRef.index && r.id === docRef.id) : undefined;
  const fetchIt = docRef !== null && loaded === undefined;
  const fetched = useQuery({
    ...docQueryOptions({ source: request.source, index: docRef?.index ?? '', id: docRef?.id ?? '' }),
    enabled: fetchIt,
  });
  const hit = loaded ?? (fetchIt ? fetched.data?.hit : undefined);
  const checkIt = fetchIt && hit !== undefined && range !== undefined;
  const match = useQuery({
    ...docMatchQueryOptions(request, range ?? { from: 0, to: 0 }, hit ?? { id: '', index: '', timestamp: '', message: '', fields: {} }),
    enabled: checkIt,
  });
  const failure = fetchIt ? fetched.error : null;
  const error = failure
    ? {
        notFound: failure instanceof ApiError && failure.status === 404,
        message: failure instanceof Error ? failure.message : String(failure),
      }
    : null;
  return {
    hit,
    match: checkIt ? (match.data ?? null) : null,
    loading: fetchIt && fetched.isPending,
    error,
  };
}
