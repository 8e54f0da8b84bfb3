/** What a tampered, expired, revoked or mismatched embed shows: the same words, no reason. */
export function EmbedUnavailable() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '1rem' }}>
      <p>This panel is not available.</p>
    </main>
  );
}
