import { Suspense } from 'react';
import { Explorer } from '@/components/explorer/explorer';
import { ExplorerFallback } from '@/components/explorer/explorer-fallback';

// The screen is built from the URL in the browser; the server sends a static shell.
export default function ExplorerPage() {
  return (
    <Suspense fallback={<ExplorerFallback />}>
      <Explorer />
    </Suspense>
  );
}
