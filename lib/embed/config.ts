/**
 * Embedding is off until an operator turns it on with `EMBED_SECRET` (the HS256 key of embed
 * tokens, at least 32 characters) and `EMBED_ALLOWED_ORIGINS` (comma-separated origins an embed
 * may name as its host pages).
 */
export interface EmbedConfig {
  secret: Uint8Array;
  allowedOrigins: readonly string[];
}

export const MIN_EMBED_SECRET_LENGTH = 32;

export function embedConfig(env: Readonly<Record<string, string | undefined>> = process.env): EmbedConfig | null {
  const secret = env.EMBED_SECRET ?? '';
  if (secret.length < MIN_EMBED_SECRET_LENGTH) return null;
  const allowedOrigins = (env.EMBED_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .flatMap((o) => {
      try {
        return [new URL(o).origin];
      } catch {
        return [];
      }
    });
  return { secret: new TextEncoder().encode(secret), allowedOrigins };
}
