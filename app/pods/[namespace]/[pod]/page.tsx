import { Suspense } from 'react';
import { PodScreen } from '@/components/pods/pod-screen';
import { routeParam } from '@/lib/k8s/view-url';

interface PodPageProps {
  params: Promise<{ namespace: string; pod: string }>;
}

// A static shell; the lines are loaded in the browser from POST /api/pod-logs.
export default async function PodPage({ params }: PodPageProps) {
  const { namespace, pod } = await params;
  return (
    <Suspense fallback={null}>
      <PodScreen namespace={routeParam(namespace)} pod={routeParam(pod)} />
    </Suspense>
  );
}
