/** What a tampered, expired, revoked or mismatched embed shows (proxy.ts and the page alike): the same words, no reason. */
export const UNAVAILABLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not available</title></head>
<body><p>This panel is not available.</p></body></html>`;
