// The embed page's bundled script and stylesheet: built-assets.js is generated (git-ignored) by
// scripts/build-embed-assets.mjs before every build, dev server and test run.

/** `panel-<hash of the script>.js`: served by /embed-assets/{name}, cached for good. */
export declare const EMBED_SCRIPT_NAME: string;
/** components/embed/page/main.ts, bundled and minified. */
export declare const EMBED_SCRIPT: string;
/** components/embed/page/page.css, bundled and minified (inlined into the page with its nonce). */
export declare const EMBED_CSS: string;
