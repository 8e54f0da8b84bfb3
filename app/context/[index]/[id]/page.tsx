import { Suspense } from 'react';
import { ContextScreen } from '@/components/pods/context-screen';
import { routeParam } from '@/lib/k8s/view-url';

interface ContextPageProps {
  params: Promise<{ index: string; id: string }>;
}

// A static shell; the lines are loaded in the browser from POST /api/context.
export default async function ContextPage({ params }: ContextPageProps) {
  const { index, id } = await params;
  return (
    <Suspense fallback={null}>
      <ContextScreen index={routeParam(index)} id={routeParam(id)} />
    </Suspense>
  );
}
