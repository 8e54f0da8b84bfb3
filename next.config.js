/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The Elasticsearch client is server-only and must not be bundled for the browser.
  serverExternalPackages: ['@elastic/elasticsearch'],
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
