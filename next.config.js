import process from 'node:process';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants.js';
import { buildEmbedAssets } from './scripts/build-embed-assets.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages, loaded from node_modules at run time rather than bundled.
  serverExternalPackages: ['@elastic/elasticsearch', 'pino', 'prom-client'],
  // The container image (deploy/Dockerfile) builds with NEXT_OUTPUT=standalone: a self-contained
  // server.js with only the node_modules it needs. Left off otherwise: `next start` warns on it.
  ...(process.env.NEXT_OUTPUT === 'standalone' ? { output: 'standalone' } : {}),
  // Everything else gets its security headers from proxy.ts; built assets skip the proxy.
  async headers() {
    return [
      {
        source: '/_next/static/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

/**
 * Before a build or the dev server: the embed page's own script and stylesheet, bundled by
 * esbuild into lib/embed/page/built-assets.js (the embed routes import it). `next start` only
 * serves what the build made. (Shortcut: the dev server bundles them once when it starts; restart
 * it after changing components/embed/page/.)
 */
export default function config(phase) {
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER) buildEmbedAssets();
  return nextConfig;
}
