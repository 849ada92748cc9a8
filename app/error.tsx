"use client"; // Error boundaries must be Client Components

import { useEffect, useState } from "react";
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
/**
 * While the database is unavailable (`/api/health` answers 503: PostgreSQL restarting, the server
 * start being retried), poll it every 3 s and reload the segment as soon as it answers 200.
 */
function useDatabaseWait(retry: () => void): string | null {
  const [waiting, setWaiting] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async (first: boolean) => {
      let status = 0;
      let message = "";
      try {
        const res = await fetch("/api/health", { cache: "no-store" });
        status = res.status;
        if (status === 503) message = ((await res.json()) as { error?: string }).error ?? "";
      } catch {
        status = 0; // the server itself is unreachable: keep waiting
        message = "The server cannot be reached.";
      }
      if (stopped) return;
      if (status === 200) {
        if (!first) retry();
        return;
      }
      if (status === 503 || status === 0) {
        setWaiting(message || "The database is unavailable.");
        timer = setTimeout(() => void check(false), 3000);
      }
    };
    void check(true);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [retry]);
  return waiting;
}

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const waiting = useDatabaseWait(retry);

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
      {waiting ? (
        <p role="status" className="mt-3 rounded-md border bg-muted/50 px-4 py-3 text-sm" data-testid="database-wait">
          {waiting} This page reloads by itself when the database is back.
        </p>
      ) : null}
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
