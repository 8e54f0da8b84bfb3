'use client';
import type { CreateEmbedResponse } from '@/lib/schema/embeds';
import styles from './embed-menu.module.css';

/** The embeds made so far, each with Revoke (its tokens stop working at once). */
export function EmbedList({ embeds, onRevoke }: { embeds: CreateEmbedResponse[] | null; onRevoke: (id: string) => void }) {
  return (
    <section aria-label="Embeds made">
      <h3 className={styles.heading}>Embeds</h3>
      {embeds === null ? null : embeds.length === 0 ? (
        <p className={styles.muted}>None yet.</p>
      ) : (
        <ul className={styles.list}>
          {embeds.map(({ embed }) => (
            <li key={embed.id} className={styles.item}>
              <span>
                {embed.title || embed.panel} · {embed.origins.join(', ')}
                {embed.expiresAt ? ` · until ${embed.expiresAt.slice(0, 10)}` : ''}
              </span>
              <button type="button" className="btn" onClick={() => onRevoke(embed.id)} aria-label={`Revoke embed ${embed.id}`}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
