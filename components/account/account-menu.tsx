import Link from "next/link";
import { unstable_rethrow } from "next/navigation";

import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { AccountDropdown } from "./account-dropdown-loader";

/** The header's account control: "Sign in", or the signed-in name with its menu. */
export async function AccountMenu() {
  let viewer: Viewer | null = null;
  try {
    viewer = await getViewer();
  } catch (e) {
    unstable_rethrow(e);
    console.error("AccountMenu: could not read the session", e);
  }
  if (!viewer) {
    return (
      <Link
        href="/signin"
        data-testid="signin-link"
        className="rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        Sign in
      </Link>
    );
  }
  return <AccountDropdown name={viewer.name} admin={viewer.role === "admin"} />;
}
