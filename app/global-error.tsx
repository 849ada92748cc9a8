"use client"; // Error boundaries must be Client Components

import { useEffect } from "react";

/**
 * Replaces the root layout when it fails (e.g. the header or banner could not render). Renders
 * its own document without globals.css, so styles are inline and follow the OS colour scheme.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : undefined;

  return (
    <html lang="en" style={{ colorScheme: "light dark" }}>
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          maxWidth: "36rem",
          margin: "4rem auto",
          padding: "0 1rem",
          lineHeight: 1.5,
        }}
      >
        <title>Error · Medmarks Explorer</title>
        <main role="alert">
          <h1 style={{ fontSize: "1.5rem" }}>Medmarks Explorer failed to load</h1>
          <p>
            A server or database error stopped the page from rendering. This does not mean there is
            no data.
          </p>
          {digest ? (
            <p>
              Error digest: <code>{digest}</code>
            </p>
          ) : null}
          <button type="button" onClick={() => retry()} style={{ font: "inherit", padding: "0.4rem 1rem" }}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
