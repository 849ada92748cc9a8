"use client";

import { useMemo, useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { formatBytes, formatInt } from "@/lib/format";
import { headOf, LONG_TEXT_HEAD, utf8Length } from "@/lib/samples/text";
import { PlainText } from "./plain-text";

/**
 * Plain text that may be huge (a 1 MB completion): the first LONG_TEXT_HEAD characters, and a
 * "Show all (1.0 MB)" toggle for the rest, so the page stays responsive until the reader asks.
 */
export function LongText({ text, limit = LONG_TEXT_HEAD, className }: { text: string; limit?: number; className?: string }) {
  const [all, setAll] = useState(false);
  const [pending, startTransition] = useTransition();
  const long = text.length > limit;
  const head = useMemo(() => (long ? headOf(text, limit) : text), [text, limit, long]);
  const bytes = useMemo(() => (long ? utf8Length(text) : 0), [text, long]);
  if (!long) return <PlainText text={text} className={className} />;
  return (
    <div className="space-y-2">
      <PlainText text={all ? text : head} className={className} />
      <div className="flex flex-wrap items-center gap-3 text-xs text-muted-foreground">
        {all ? null : (
          <span>
            Showing the first {formatInt(head.length)} of {formatInt(text.length)} characters.
          </span>
        )}
        <Button
          type="button"
          variant="outline"
          size="sm"
          aria-expanded={all}
          disabled={pending}
          onClick={() => startTransition(() => setAll((v) => !v))}
        >
          {all ? "Show less" : `Show all (${formatBytes(bytes)})`}
        </Button>
      </div>
    </div>
  );
}
