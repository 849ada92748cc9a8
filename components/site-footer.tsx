import Link from "next/link";

export function SiteFooter() {
  return (
    <footer data-slot="site-footer" className="mt-12 border-t">
      <p className="mx-auto w-full max-w-[96rem] px-4 py-4 text-sm text-muted-foreground sm:px-6">
        Medmarks Explorer · results of the Medmarks suite of 30 medical LLM benchmarks (Medmarks-V and Medmarks-OE) ·
        every number is computed from ingested run artifacts ·{" "}
        <Link href="/methodology" className="underline underline-offset-4 hover:text-foreground">
          Methodology
        </Link>{" "}
        ·{" "}
        <Link href="/changelog" className="underline underline-offset-4 hover:text-foreground">
          Changelog
        </Link>{" "}
        ·{" "}
        <Link href="/docs/api" className="underline underline-offset-4 hover:text-foreground">
          API
        </Link>
      </p>
    </footer>
  );
}
