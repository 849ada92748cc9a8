import type { ReactNode } from "react";
import type { Metadata, Viewport } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";

import { DemoBanner } from "@/components/demo-banner";
import { SiteChrome } from "@/components/embed/site-chrome";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { ThemeProvider, ThemeScript } from "@/components/theme-provider";
import { cn } from "@/lib/utils";

import "./globals.css";

export const metadata: Metadata = {
  title: { template: "%s · Medmarks Explorer", default: "Medmarks Explorer" },
  description:
    "Leaderboard and results explorer for Medmarks, a suite of 30 medical LLM benchmarks: win rates with intervals on the Medmarks-V and Medmarks-OE boards, per-benchmark drilldowns, token efficiency and answer-order bias.",
  applicationName: "Medmarks Explorer",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0a0a0a" },
  ],
  colorScheme: "light dark",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script adds class="dark" before hydration, hence suppressHydrationWarning.
    <html lang="en" suppressHydrationWarning className={cn(GeistSans.variable, GeistMono.variable)}>
      <head>
        <ThemeScript />
      </head>
      <body className="flex min-h-dvh flex-col">
        <ThemeProvider>
          {/* No chrome on /embed/... (a view alone in another site's iframe): see SiteChrome. */}
          <SiteChrome
            header={
              <>
                <a
                  href="#main"
                  className="sr-only rounded-md bg-background px-3 py-2 text-sm font-medium shadow-md focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50"
                >
                  Skip to content
                </a>
                <SiteHeader />
                <DemoBanner />
              </>
            }
            footer={<SiteFooter />}
          >
            {children}
          </SiteChrome>
        </ThemeProvider>
      </body>
    </html>
  );
}
