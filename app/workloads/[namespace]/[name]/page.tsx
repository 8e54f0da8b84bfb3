import { Suspense } from 'react';
import { WorkloadScreen } from '@/components/pods/workload-screen';
import { routeParam } from '@/lib/k8s/view-url';

interface WorkloadPageProps {
  params: Promise<{ namespace: string; name: string }>;
}

// A static shell; the lines are loaded in the browser from POST /api/workload-logs.
export default async function WorkloadPage({ params }: WorkloadPageProps) {
  const { namespace, name } = await params;
  return (
    <Suspense fallback={null}>
      <WorkloadScreen namespace={routeParam(namespace)} name={routeParam(name)} />
    </Suspense>
  );
}
