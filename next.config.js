import process from 'node:process';

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

export default nextConfig;
