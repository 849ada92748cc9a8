"use client";

import { useCallback, useLayoutEffect, useSyncExternalStore, type ReactNode } from "react";

/**
 * Light / dark / system theme without a library.
 *
 * - `<ThemeScript/>` (in <head> of the root layout) sets `class="dark"` on <html> before paint.
 * - `<ThemeProvider>` re-applies it after hydration (React's dev remount clears attributes it does
 *   not own on <html>) and follows the OS setting while the preference is "system".
 * - `useTheme()` reads and sets the preference (persisted in localStorage, synced across tabs).
 */

export type ThemePreference = "light" | "dark" | "system";
export type ResolvedTheme = "light" | "dark";

const STORAGE_KEY = "theme";
const CHANGE_EVENT = "medmarks-theme-change";
const DARK_QUERY = "(prefers-color-scheme: dark)";

// Runs before paint; keep it tiny, ES5 and in sync with readPreference/applyTheme below.
const SCRIPT = `(function(){try{var t=localStorage.getItem("${STORAGE_KEY}");var d=t==="dark"||(t!=="light"&&window.matchMedia("${DARK_QUERY}").matches);document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;

/** Inline theme script for <head>. Type trick from the Next docs avoids React's script warning. */
export function ThemeScript() {
  return (
    <script
      type={typeof window === "undefined" ? "text/javascript" : "text/plain"}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: SCRIPT }}
    />
  );
}

/** Used only when localStorage is blocked (privacy mode): the choice lasts for this page view. */
let unsavedPreference: ThemePreference = "system";

function readPreference(): ThemePreference {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === "light" || value === "dark" ? value : "system";
  } catch {
    return unsavedPreference;
  }
}

function systemPrefersDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches;
}

function resolve(preference: ThemePreference, systemDark: boolean): ResolvedTheme {
  if (preference === "system") return systemDark ? "dark" : "light";
  return preference;
}

function applyTheme(theme: ResolvedTheme): void {
  document.documentElement.classList.toggle("dark", theme === "dark");
}

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  window.addEventListener("storage", onChange); // other tabs
  window.addEventListener(CHANGE_EVENT, onChange); // this tab
  media.addEventListener("change", onChange); // OS setting
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
    media.removeEventListener("change", onChange);
  };
}

export function useTheme(): {
  theme: ThemePreference;
  resolvedTheme: ResolvedTheme;
  setTheme: (theme: ThemePreference) => void;
} {
  const theme = useSyncExternalStore(subscribe, readPreference, () => "system" as const);
  const systemDark = useSyncExternalStore(subscribe, systemPrefersDark, () => false);

  const setTheme = useCallback((next: ThemePreference) => {
    try {
      if (next === "system") window.localStorage.removeItem(STORAGE_KEY);
      else window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      unsavedPreference = next;
    }
    applyTheme(resolve(next, systemPrefersDark()));
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }, []);

  return { theme, resolvedTheme: resolve(theme, systemDark), setTheme };
}

export function ThemeProvider({ children }: { children: ReactNode }) {
  const { theme, resolvedTheme } = useTheme();

  // Read the real sources, not React state: during hydration the state still holds the server
  // snapshot ("system", light) and must not undo what the inline script applied.
  useLayoutEffect(() => {
    applyTheme(resolve(readPreference(), systemPrefersDark()));
  }, [theme, resolvedTheme]);

  return children;
}
