/**
 * Keyboard-only driving for the browser tests: what has focus, and Tab / Shift+Tab until a wanted
 * element has it, checking on every stop that the focused element is visible and shows a focus
 * indicator (a computed outline or box-shadow).
 */
import type { Page } from "playwright-core";

export interface Focus {
  tag: string;
  type: string;
  id: string;
  testid: string;
  name: string;
  href: string;
  /** aria-sort of the table header cell holding the element (null outside one). */
  sort: string | null;
  /** Why the focus is not visibly indicated, or "" when it is. */
  invisible: string;
  /** A short description for messages. */
  desc: string;
}

export async function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: "body", type: "", id: "", testid: "", name: "", href: "", sort: null, invisible: "", desc: "<body>" };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== "none" && cs.boxShadow !== "";
    const r = el.getBoundingClientRect();
    const invisible =
      r.width < 2 || r.height < 2 ? `not visible (${r.width}×${r.height})` : !outline && !shadow ? `no focus indicator (outline ${cs.outlineStyle} ${cs.outlineWidth}, box-shadow ${cs.boxShadow})` : "";
    const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 60);
    const type = el.getAttribute("type") ?? "";
    const testid = el.getAttribute("data-testid") ?? "";
    const desc = `<${el.tagName.toLowerCase()}${type ? ` type=${type}` : ""}${el.id ? ` #${el.id}` : ""}${testid ? ` [${testid}]` : ""}> "${name}"`;
    return { tag: el.tagName.toLowerCase(), type, id: el.id, testid, name, href: el.getAttribute("href") ?? "", sort: el.closest("th")?.getAttribute("aria-sort") ?? null, invisible, desc };
  });
}

/** Presses Tab (or Shift+Tab) until `want` holds for the focused element; every stop must show its focus. */
export async function tabUntil(page: Page, want: (f: Focus) => boolean, opts: { back?: boolean; max?: number; what?: string } = {}): Promise<Focus> {
  const max = opts.max ?? 60;
  const trail: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(opts.back ? "Shift+Tab" : "Tab");
    const f = await focused(page);
    trail.push(f.desc);
    if (f.tag !== "body" && f.invisible) throw new Error(`focus on ${f.desc}: ${f.invisible}\nafter: ${trail.slice(-6).join(" → ")}`);
    if (want(f)) return f;
  }
  throw new Error(`${opts.what ?? "the wanted element"} not reached in ${max} ${opts.back ? "Shift+Tab" : "Tab"} presses; last stops: ${trail.slice(-10).join(" → ")}`);
}
