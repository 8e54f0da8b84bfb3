/**
 * Reading a screen document from anything untrusted (the store, a request): migrated through the
 * URL's own chain (lib/url-state/screen-document.ts spells an older document as a link of its
 * version), then validated against `ScreenState`. Server-side: this half carries zod.
 */
import { z } from 'zod';
import { ScreenParts, ScreenState } from '@/lib/schema/screen-state';
import { decodeState } from '@/lib/url-state/codec';
import { migrateParams, SCREEN_STATE_VERSION } from '@/lib/url-state/migrations';
import { olderDocumentVersion, screenDocumentParams, toScreenState } from '@/lib/url-state/screen-document';

/** Brings a stored or submitted screen document up to the current version; validation comes after. */
export function migrateScreenDocument(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const { schemaVersion, ...rest } = raw as Record<string, unknown>;
  const version = olderDocumentVersion(schemaVersion);
  if (version === null) return raw;
  const parts = ScreenParts.safeParse(rest);
  // Parts that do not validate cannot be spelled as a link; stamped current, the validation
  // error then names the part that is wrong rather than the version.
  if (!parts.success) return { schemaVersion: SCREEN_STATE_VERSION, ...rest };
  return toScreenState(decodeState(migrateParams(screenDocumentParams(parts.data, version))));
}

/** Migrates, then validates: the one way into a `ScreenState` from anything untrusted. */
export const StoredScreenState = z.preprocess(migrateScreenDocument, ScreenState);
