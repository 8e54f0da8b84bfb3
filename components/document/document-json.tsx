import type { SearchHit } from '@/lib/schema/search';
import styles from './document.module.css';

export function documentJson(hit: SearchHit): string {
  return JSON.stringify({ _index: hit.index, _id: hit.id, '@timestamp': hit.timestamp, fields: hit.fields }, null, 2);
}

export function DocumentJson({ hit }: { hit: SearchHit }) {
  return (
    <pre className={styles.json} aria-label="Document as JSON">
      {documentJson(hit)}
    </pre>
  );
}
