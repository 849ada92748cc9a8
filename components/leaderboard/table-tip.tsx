"use client";

import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";

import { cn } from "@/lib/utils";

/**
 * One tooltip for a whole table, by event delegation: any element inside the container with a
 * `data-tip` attribute shows `resolve(element)` on hover (after 150 ms) and on keyboard focus, and
 * hides it on leave, blur, Escape or scroll. While shown, the element is `aria-describedby` the
 * tooltip (role="tooltip"), as with the Radix tooltip it replaces. A thousand cells then cost one
 * listener set and no per-cell components, in the server render, the HTML and hydration.
 */
export function useTableTip(resolve: (el: HTMLElement) => { content: ReactNode; className?: string } | null) {
  const id = useId();
  const [tip, setTip] = useState<{ el: HTMLElement; content: ReactNode; className?: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const current = useRef<HTMLElement | null>(null);
  const resolveRef = useRef(resolve);
  resolveRef.current = resolve;

  const clear = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  const hide = useCallback(() => {
    clear();
    const el = current.current;
    if (el && el.getAttribute("aria-describedby") === id) el.removeAttribute("aria-describedby");
    current.current = null;
    setTip(null);
  }, [id]);
  const show = useCallback(
    (el: HTMLElement) => {
      clear();
      const r = resolveRef.current(el);
      if (!r) return hide();
      if (current.current && current.current !== el && current.current.getAttribute("aria-describedby") === id) current.current.removeAttribute("aria-describedby");
      current.current = el;
      if (!el.hasAttribute("aria-describedby")) el.setAttribute("aria-describedby", id);
      setTip({ el, ...r });
    },
    [hide, id],
  );

  useEffect(() => {
    if (!tip) return;
    window.addEventListener("scroll", hide, { capture: true, passive: true });
    window.addEventListener("resize", hide);
    return () => {
      window.removeEventListener("scroll", hide, { capture: true });
      window.removeEventListener("resize", hide);
    };
  }, [tip, hide]);
  useEffect(() => clear, []);

  const target = (node: EventTarget | null) => (node instanceof Element ? node.closest<HTMLElement>("[data-tip]") : null);

  const handlers = {
    onMouseOver(e: MouseEvent) {
      const el = target(e.target);
      if (!el || el === current.current) return;
      clear();
      timer.current = setTimeout(() => show(el), 150);
    },
    onMouseOut(e: MouseEvent) {
      const el = target(e.target);
      if (!el || target(e.relatedTarget) === el) return;
      clear();
      if (current.current === el && document.activeElement !== el) hide();
    },
    onFocus(e: FocusEvent) {
      const el = target(e.target);
      // Keyboard focus only (a click focuses too, and should not pop a tooltip over what was clicked).
      if (el && el === e.target && el.matches(":focus-visible")) show(el);
    },
    onBlur(e: FocusEvent) {
      if (target(e.target) === current.current) hide();
    },
    onKeyDown(e: KeyboardEvent) {
      if (e.key === "Escape" && current.current) hide();
    },
  };

  const node = tip ? createPortal(<TipBox id={id} anchor={tip.el} className={tip.className}>{tip.content}</TipBox>, document.body) : null;
  return { handlers, node };
}

function TipBox({ id, anchor, className, children }: { id: string; anchor: HTMLElement; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    const a = anchor.getBoundingClientRect();
    const gap = 6;
    let top = a.top - box.height - gap;
    if (top < 4) top = a.bottom + gap;
    const left = Math.min(Math.max(4, a.left + a.width / 2 - box.width / 2), window.innerWidth - box.width - 4);
    setPos({ left, top });
  }, [anchor, children]);
  return (
    <div
      ref={ref}
      id={id}
      role="tooltip"
      data-slot="tooltip-content"
      style={{ position: "fixed", left: pos?.left ?? 0, top: pos?.top ?? 0, visibility: pos ? "visible" : "hidden" }}
      className={cn("pointer-events-none z-50 w-fit max-w-xs rounded-md bg-foreground px-3 py-1.5 text-xs text-balance text-background", className)}
    >
      {children}
    </div>
  );
}
