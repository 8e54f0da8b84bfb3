import styles from './explorer.module.css';

export function ExplorerFallback() {
  return (
    <div className={styles.screen}>
      <header className={styles.top}>
        <h1 className={styles.brand}>Log Explorer</h1>
      </header>
      <div className={styles.loading} role="status">
        Loading…
      </div>
    </div>
  );
}
