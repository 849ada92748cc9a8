import { Badge } from "@/components/ui/badge";
import { formatInt } from "@/lib/format";
import type { MessageView } from "@/lib/samples/transcript";
import { LongText } from "./long-text";

/** A role-labelled list of chat messages; reasoning, tool calls and extra fields fold away in <details>. */
export function MessageList({ messages, label }: { messages: MessageView[]; label: string }) {
  if (!messages.length) return <p className="text-sm text-muted-foreground">No {label.toLowerCase()} messages.</p>;
  return (
    <ol className="space-y-3" aria-label={label}>
      {messages.map((m, i) => (
        <li key={i} className="space-y-2 rounded-lg border bg-card p-3" data-testid="message">
          <div className="flex items-center gap-2">
            <Badge variant="outline" className="font-mono">
              {m.role}
            </Badge>
            <span className="text-xs text-muted-foreground tabular-nums">{formatInt(m.content.length)} characters</span>
          </div>
          {m.reasoning !== null ? (
            <details className="rounded-md bg-muted/50 px-3 py-2">
              <summary className="cursor-pointer text-sm font-medium text-muted-foreground">
                Reasoning ({formatInt(m.reasoning.length)} characters)
              </summary>
              <div className="mt-2">
                <LongText text={m.reasoning} className="text-muted-foreground" />
              </div>
            </details>
          ) : null}
          {m.content !== "" ? <LongText text={m.content} /> : <p className="text-sm text-muted-foreground italic">(no text content)</p>}
          {m.toolCalls !== null ? (
            <details className="rounded-md bg-muted/50 px-3 py-2">
              <summary className="cursor-pointer text-sm font-medium text-muted-foreground">Tool calls</summary>
              <div className="mt-2">
                <LongText text={m.toolCalls} className="font-mono text-xs" />
              </div>
            </details>
          ) : null}
          {m.extra !== null ? (
            <details className="rounded-md bg-muted/50 px-3 py-2">
              <summary className="cursor-pointer text-sm font-medium text-muted-foreground">Other message fields</summary>
              <div className="mt-2">
                <LongText text={m.extra} className="font-mono text-xs" />
              </div>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
