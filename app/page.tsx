import { cookies } from 'next/headers';
import { Suspense } from 'react';
import { Explorer } from '@/components/explorer/explorer';
import { ExplorerFallback } from '@/components/explorer/explorer-fallback';
import { explorerFirstRows } from '@/components/explorer/first-rows';
import { VIEWER_ZONE_COOKIE } from '@/components/explorer/search-request';

interface ExplorerPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The screen is built from the URL; its first rows are searched here so they arrive in the HTML. */
export default async function ExplorerPage({ searchParams }: ExplorerPageProps) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) for (const v of [value ?? []].flat()) params.append(key, v);
  const firstRows = await explorerFirstRows(params, (await cookies()).get(VIEWER_ZONE_COOKIE)?.value);
  return (
    <Suspense fallback={<ExplorerFallback />}>
      <Explorer firstRows={firstRows ?? undefined} />
    </Suspense>
  );
}
