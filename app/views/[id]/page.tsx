import { Suspense } from 'react';
import { ExplorerFallback } from '@/components/explorer/explorer-fallback';
import { ViewScreen } from '@/components/views/view-screen';

interface ViewPageProps {
  params: Promise<{ id: string }>;
}

// Like the explorer: a static shell, the view and the screen are loaded in the browser.
export default async function ViewPage({ params }: ViewPageProps) {
  const { id } = await params;
  return (
    <Suspense fallback={<ExplorerFallback />}>
      <ViewScreen id={id} />
    </Suspense>
  );
}
