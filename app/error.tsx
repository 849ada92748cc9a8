"use client"; // Error boundaries must be Client Components

import { useEffect } from "react";
import Link from "next/link";
import { RotateCcwIcon, ServerCrashIcon } from "lucide-react";

import { Button } from "@/components/ui/button";

function digestOf(error: unknown): string | undefined {
  if (error instanceof Error && "digest" in error && typeof error.digest === "string") {
    return error.digest;
  }
  return undefined;
}

/**
 * Route error boundary. Next 16.3+ passes `retry` (re-fetch and re-render the segment; stable
 * since 16.3) and `reset` (re-render without re-fetching); `error` is `unknown`.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest = digestOf(error);
  // In production, server errors arrive with a generic message; the digest links to the server log.
  const message = error instanceof Error ? error.message : String(error);

  return (
    <section role="alert" aria-labelledby="error-title" className="mx-auto max-w-xl py-16 text-center">
      <ServerCrashIcon aria-hidden="true" className="mx-auto mb-4 size-10 text-destructive" />
      <h1 id="error-title" className="text-2xl font-semibold tracking-tight">
        Loading the results failed
      </h1>
      <p className="mt-3 text-pretty text-muted-foreground">
        A server or database error stopped this page from loading. This does <strong>not</strong>{" "}
        mean there is no data: nothing on this page can be trusted until it loads. Try again; if it
        keeps failing, check the server log.
      </p>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md border bg-muted/50 px-4 py-3 text-left text-sm">
        {digest ? (
          <>
            <dt className="text-muted-foreground">Error digest</dt>
            <dd className="font-mono break-all" data-testid="error-digest">
              {digest}
            </dd>
          </>
        ) : null}
        <dt className="text-muted-foreground">Message</dt>
        <dd className="font-mono break-words">{message || "(none)"}</dd>
      </dl>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Button onClick={() => retry()}>
          <RotateCcwIcon aria-hidden="true" />
          Try again
        </Button>
        <Button asChild variant="outline">
          <Link href="/">Go to the leaderboard</Link>
        </Button>
      </div>
    </section>
  );
}
