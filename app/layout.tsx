import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { Providers } from './providers';
import './globals.css';
// Also the embed page's (components/embed/page/page.css), which is no React page.
import '@/components/results/ansi.css';

export const metadata: Metadata = {
  title: 'Log Explorer',
  description: 'Search and explore Kubernetes logs stored in Elasticsearch',
  // An inline icon: no extra file, and no 404 for /favicon.ico in every session's console.
  icons: {
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%232f6fce'/%3E%3Cpath d='M4 4h2v6h6v2H4z' fill='white'/%3E%3C/svg%3E",
  },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/**
 * Every page renders per request: its scripts carry the request's CSP nonce (proxy.ts), which a
 * page prerendered at build time could not know.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
