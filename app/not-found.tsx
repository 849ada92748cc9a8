import type { Metadata } from "next";
import Link from "next/link";
import { SearchXIcon } from "lucide-react";

import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-xl py-16 text-center">
      <SearchXIcon aria-hidden="true" className="mx-auto mb-4 size-10 text-muted-foreground" />
      <p className="text-sm font-medium text-muted-foreground">404</p>
      <h1 id="not-found-title" className="mt-1 text-2xl font-semibold tracking-tight">
        This page does not exist
      </h1>
      <p className="mt-3 text-pretty text-muted-foreground">
        No benchmark, model configuration, run or page matches this address. It may be misspelled,
        or the item is not in the published results (links to runs can break when a run is
        superseded).
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Button asChild>
          <Link href="/">Go to the overview</Link>
        </Button>
      </div>
    </section>
  );
}
