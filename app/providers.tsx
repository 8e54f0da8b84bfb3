'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { z } from 'zod';

// zod compiles schemas with `new Function` when it may; the page's CSP allows no eval, and
// zod's probe for it would be reported as a violation on every page.
z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser tab, created lazily so a server render never shares one between users.
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
