import Link from "next/link";
import { Suspense } from "react";

import { AccountMenu } from "@/components/account/account-menu";
import { ThemeToggle } from "@/components/theme-toggle-loader";
import { NavLink } from "@/components/ui/nav-link";

// Only routes that exist: a link to a page not built yet would be a 404 (and Next prefetches it).
// Methodology, changelog and the API docs are linked from the footer.
export const NAV_ITEMS = [
  { href: "/", label: "Leaderboard" },
  { href: "/benchmarks", label: "Benchmarks" },
  { href: "/models", label: "Models" },
  { href: "/compare", label: "Compare" },
  { href: "/efficiency", label: "Efficiency" },
  { href: "/order-bias", label: "Order bias" },
  { href: "/head-to-head", label: "Head-to-head" },
  { href: "/medical", label: "Medical vs base" },
  { href: "/data", label: "Loaded data" },
] as const;

export function SiteHeader() {
  return (
    <header data-slot="site-header" className="border-b bg-background">
      <div className="mx-auto flex w-full max-w-[96rem] flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 sm:px-6">
        <Link
          href="/"
          className="flex items-center gap-2 rounded-md py-1 font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          <img src="/icon.svg" alt="" width={24} height={24} className="size-6" />
          Medmarks Explorer
        </Link>
        <div className="ml-auto flex items-center gap-1 sm:order-last">
          <Suspense fallback={null}>
            <AccountMenu />
          </Suspense>
          <ThemeToggle />
        </div>
        {/* Full width and horizontally scrollable on narrow screens, inline from `sm` up. */}
        <nav
          aria-label="Main"
          className="-mx-4 w-[calc(100%+2rem)] overflow-x-auto px-4 sm:mx-0 sm:w-auto sm:flex-1 sm:px-0"
        >
          <ul className="flex items-center gap-1 py-1">
            {NAV_ITEMS.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
