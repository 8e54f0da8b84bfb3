/** scripts/build-embed-assets.mjs: bundles the embed page's script and stylesheet into lib/embed/page/built-assets.js. */
export declare function buildEmbedAssets(): { file: string; changed: boolean; scriptBytes: number; cssBytes: number };
