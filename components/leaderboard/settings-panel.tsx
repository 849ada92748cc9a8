"use client";

import { useEffect, useId, useOptimistic, useState, useTransition, type FormEvent, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ChevronRightIcon, LoaderCircleIcon, RotateCcwIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import {
  DEFAULT_LEADERBOARD_SETTINGS,
  type Board,
  type LeaderboardSettings,
} from "@/lib/queries/leaderboard-types";
import { cn } from "@/lib/utils";
import { DEFAULT_CAP, isDefaultSettings, leaderboardHref, parseLeaderboardParams } from "./params";
import { SETTING_SPECS, settingsSummary, type SettingSpec } from "./settings-options";
import { useLeaderboardUrl } from "./use-leaderboard-url";

type SettingKey = keyof Omit<LeaderboardSettings, "cap">;

/**
 * The scoring settings (weights + cap, coverage, answer orders, missing policy, which runs). A
 * change navigates to the new URL and the server recomputes the board; the panel is a disclosure
 * (closed by default, on every screen size) whose summary line states the settings in force.
 */
export function SettingsPanel({ board, settings }: { board: Board; settings: LeaderboardSettings }) {
  const router = useRouter();
  const { params } = useLeaderboardUrl();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(settings);
  const [capText, setCapText] = useState(String(settings.cap ?? DEFAULT_CAP));
  useEffect(() => {
    // Follow the server's cap after navigation (back/forward, a pasted link).
    if (settings.cap !== null) setCapText(String(settings.cap));
  }, [settings.cap]);
  const baseId = useId();
  const isDefault = isDefaultSettings(shown);

  function navigate(next: LeaderboardSettings) {
    // The live URL: filters, sort, columns and selection may have changed since this render.
    const current = parseLeaderboardParams(new URLSearchParams(window.location.search));
    const href = leaderboardHref({ ...current, board, settings: next });
    startTransition(() => {
      setShown(next);
      router.push(href, { scroll: false });
    });
  }

  function capValue(): number {
    const n = Number(capText);
    return Number.isInteger(n) && n >= 1 ? n : DEFAULT_CAP;
  }

  function change<K extends SettingKey>(key: K, value: LeaderboardSettings[K]) {
    const next: LeaderboardSettings = { ...shown, [key]: value };
    if (key === "weights") next.cap = value === "cap" ? capValue() : null;
    navigate(next);
  }

  function applyCap(e: FormEvent) {
    e.preventDefault();
    const cap = capValue();
    setCapText(String(cap));
    if (shown.weights === "cap" && cap !== shown.cap) navigate({ ...shown, cap });
  }

  const resetHref = leaderboardHref({ ...params, board, settings: DEFAULT_LEADERBOARD_SETTINGS });

  return (
    <details className="group/settings rounded-lg border bg-card" data-testid="settings-panel">
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-2 gap-y-1 rounded-lg px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden">
        <ChevronRightIcon aria-hidden="true" className="size-4 shrink-0 transition-transform group-open/settings:rotate-90" />
        <span className="font-medium">Scoring settings</span>
        <span className={cn("rounded-md border px-1.5 py-0.5 text-xs", isDefault ? "text-muted-foreground" : "border-warning-border bg-warning text-warning-foreground")}>
          {isDefault ? "Medmarks defaults" : "custom"}
        </span>
        <span className="min-w-0 text-xs text-muted-foreground">{settingsSummary(shown)}</span>
        {pending ? (
          <span role="status" className="inline-flex items-center gap-1 text-xs text-muted-foreground">
            <LoaderCircleIcon aria-hidden="true" className="size-3.5 animate-spin" />
            Recomputing…
          </span>
        ) : null}
      </summary>
      <div className="space-y-3 border-t px-3 py-3">
        <p className="text-xs text-muted-foreground">
          Each change recomputes the board on the server; the URL keeps the settings, so a copied link shows the same ranking.
          Rank changes (▲/▼) are relative to the Medmarks defaults.
        </p>
        <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2 xl:grid-cols-5">
          {SETTING_SPECS.map((spec) => (
            <SettingFieldset
              key={spec.key}
              spec={spec as SettingSpec<SettingKey>}
              name={`${baseId}-${spec.key}`}
              value={shown[spec.key]}
              onChange={(v) => change(spec.key, v as never)}
            >
              {spec.key === "weights" ? (
                <form onSubmit={applyCap} className="mt-1 flex items-center gap-2 pl-6">
                  <label htmlFor={`${baseId}-cap`} className="text-xs text-muted-foreground">
                    Cap
                  </label>
                  <input
                    id={`${baseId}-cap`}
                    type="number"
                    min={1}
                    step={1}
                    inputMode="numeric"
                    value={capText}
                    disabled={shown.weights !== "cap"}
                    onChange={(e) => setCapText(e.target.value)}
                    className="h-7 w-24 rounded-md border border-input bg-background px-2 text-xs tabular-nums disabled:opacity-50"
                  />
                  <Button type="submit" size="sm" variant="outline" className="h-7" disabled={shown.weights !== "cap" || pending}>
                    Apply
                  </Button>
                </form>
              ) : null}
            </SettingFieldset>
          ))}
        </div>
        {!isDefault ? (
          <Link
            href={resetHref}
            scroll={false}
            className="inline-flex items-center gap-1.5 rounded-sm text-sm underline underline-offset-4 hover:decoration-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            <RotateCcwIcon aria-hidden="true" className="size-3.5" />
            Reset to Medmarks defaults
          </Link>
        ) : null}
      </div>
    </details>
  );
}

function SettingFieldset({
  spec,
  name,
  value,
  onChange,
  children,
}: {
  spec: SettingSpec<SettingKey>;
  name: string;
  value: string;
  onChange: (value: string) => void;
  children?: ReactNode;
}) {
  return (
    <fieldset className="min-w-0 space-y-1.5">
      <legend className="mb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">{spec.legend}</legend>
      {spec.options.map((o) => {
        const id = `${name}-${o.value}`;
        const isDefault = DEFAULT_LEADERBOARD_SETTINGS[spec.key] === o.value;
        return (
          <div key={o.value} className="flex items-start gap-2">
            <input
              id={id}
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-describedby={`${id}-hint`}
              className="mt-0.5 size-4 shrink-0 accent-foreground"
            />
            <div className="min-w-0 leading-snug">
              <label htmlFor={id} className="text-sm font-medium">
                {o.label}
                {isDefault ? <span className="ml-1 text-xs font-normal text-muted-foreground">(default)</span> : null}
              </label>
              <p id={`${id}-hint`} className="text-xs text-muted-foreground">
                {o.hint}
              </p>
            </div>
          </div>
        );
      })}
      {children}
    </fieldset>
  );
}
