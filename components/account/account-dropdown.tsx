"use client";

import Link from "next/link";
import { ChevronDownIcon, UserIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { signOutAction } from "@/lib/auth/actions";

export function AccountDropdown({ name, admin }: { name: string; admin: boolean }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" data-testid="account-menu">
          <UserIcon aria-hidden="true" />
          <span className="max-w-32 truncate">{name}</span>
          {admin ? <span className="rounded bg-muted px-1 text-xs">admin</span> : null}
          <ChevronDownIcon aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-48">
        <DropdownMenuLabel>Signed in as {name}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/profile">Profile</Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/submit">Submit runs</Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/submissions">My submissions</Link>
        </DropdownMenuItem>
        {admin ? (
          <DropdownMenuItem asChild>
            <Link href="/admin">Moderation</Link>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        <form action={signOutAction}>
          {/* Keep the menu open on select so the form submits before the menu unmounts. */}
          <DropdownMenuItem asChild onSelect={(e) => e.preventDefault()}>
            <button type="submit" className="w-full" data-testid="signout">
              Sign out
            </button>
          </DropdownMenuItem>
        </form>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
