/**
 * Embed tokens: HS256 JWTs signed with `EMBED_SECRET` (the `jose` library). A token names its
 * embed (`sub`), the panel, the origins that may frame it (read by proxy.ts for
 * frame-ancestors) and a hash of everything the embed locks, so a token made for one record
 * never unlocks another or an edited one. `exp` when the embed expires.
 */
import { createHash } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { EmbedRecord } from '@/lib/schema/embeds';

const ISSUER = 'log-explorer';
const AUDIENCE = 'log-explorer/embed';

export interface EmbedClaims {
  embedId: string;
  panel: string;
  origins: string[];
  binding: string;
}

/** The locked part of an embed, canonically serialized and hashed. */
export function embedBinding(record: EmbedRecord): string {
  const locked = [
    record.id,
    record.panel,
    record.state,
    [...record.origins].sort(),
    record.allowTimeChange,
    record.maxWindowHours,
    record.expiresAt,
    // Only a tail panel has one; left out otherwise so tokens made before tail panels still hold.
    ...(record.pod ? [record.pod] : []),
  ];
  return createHash('sha256').update(canonicalJson(locked)).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export async function signEmbedToken(record: EmbedRecord, secret: Uint8Array, now = new Date()): Promise<string> {
  const jwt = new SignJWT({ pnl: record.panel, org: record.origins, bnd: embedBinding(record) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(record.id)
    .setIssuedAt(Math.floor(now.getTime() / 1000));
  if (record.expiresAt) jwt.setExpirationTime(Math.floor(Date.parse(record.expiresAt) / 1000));
  return jwt.sign(secret);
}

/** The token's claims when its signature, issuer, audience and expiry hold; `null` otherwise (never why). */
export async function verifyEmbedToken(token: string, secret: Uint8Array): Promise<EmbedClaims | null> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    const { sub, pnl, org, bnd } = payload as { sub?: unknown; pnl?: unknown; org?: unknown; bnd?: unknown };
    if (typeof sub !== 'string' || typeof pnl !== 'string' || typeof bnd !== 'string') return null;
    if (!Array.isArray(org) || !org.every((o) => typeof o === 'string')) return null;
    return { embedId: sub, panel: pnl, origins: org as string[], binding: bnd };
  } catch (err) {
    if (err instanceof joseErrors.JOSEError) return null;
    throw err;
  }
}
