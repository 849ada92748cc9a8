"use client";

import dynamic from "next/dynamic";
import { ChevronDownIcon, UserIcon } from "lucide-react";

import { Button } from "@/components/ui/button";

/**
 * The signed-in account menu, loaded after hydration (its Radix dropdown is not needed for the first
 * paint of any page; see components/theme-toggle-loader.tsx). A disabled button stands in.
 */
export const AccountDropdown = dynamic(() => import("./account-dropdown").then((m) => m.AccountDropdown), {
  ssr: false,
  loading: () => (
    <Button variant="ghost" size="sm" disabled>
      <UserIcon aria-hidden="true" />
      <ChevronDownIcon aria-hidden="true" />
    </Button>
  ),
});
