"use client";

import type { ComponentProps } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/lib/utils";

type NavLinkProps = ComponentProps<typeof Link> & {
  href: string;
  /** Active only on the exact path (default for "/"); otherwise also on sub-paths. */
  exact?: boolean;
};

/** A link that marks itself `aria-current="page"` (and `data-active`) on its route. */
export function NavLink({ href, exact = href === "/", className, ...props }: NavLinkProps) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      data-slot="nav-link"
      data-active={active || undefined}
      aria-current={active ? "page" : undefined}
      href={href}
      className={cn(
        "rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring data-active:bg-accent data-active:text-foreground",
        className,
      )}
      {...props}
    />
  );
}
