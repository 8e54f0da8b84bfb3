'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
// No zod here: the explorer's first load carries none (lib/schema/limits.ts, filter-check.ts);
// the pages that parse with it in the browser import lib/schema/jitless.ts.

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser tab, created lazily so a server render never shares one between users.
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
