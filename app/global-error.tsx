'use client';
/**
 * The root error page, in place of Next.js's default (whose styles every page's first load
 * carried): what went wrong in the app's words, and a way to try again.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>Log Explorer</h1>
          <p>Something went wrong while showing this page.</p>
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
