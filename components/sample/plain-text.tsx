import { cn } from "@/lib/utils";

/**
 * Untrusted text (prompts, completions, reasoning, tool calls, judge output, option text, info) as
 * plain text: one React text node in a <pre>, so markup, links and scripts in it stay characters.
 * Never render such text any other way (no dangerouslySetInnerHTML, no markdown, no href/src/style).
 */
export function PlainText({ text, className, ...rest }: { text: string; className?: string; "data-testid"?: string }) {
  return (
    <pre
      className={cn("font-sans text-sm leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere]", className)}
      {...rest}
    >
      {text}
    </pre>
  );
}
