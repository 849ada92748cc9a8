import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

export const INPUT =
  "h-9 w-full rounded-md border border-input bg-background px-3 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring aria-invalid:border-destructive";

/** A labelled input with an optional hint and an error tied to it (aria-describedby). */
export function Field({
  label,
  hint,
  error,
  id,
  className,
  ...input
}: ComponentProps<"input"> & { label: string; hint?: string; error?: string | null; id: string }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input id={id} className={INPUT} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ error, ok }: { error?: string; ok?: string }) {
  if (error) {
    return (
      <p role="alert" data-testid="form-error" className="rounded-md border border-destructive/50 px-3 py-2 text-sm text-destructive">
        {error}
      </p>
    );
  }
  if (ok) {
    return (
      <p role="status" data-testid="form-ok" className="rounded-md border px-3 py-2 text-sm">
        {ok}
      </p>
    );
  }
  return null;
}
