/**
 * Medmarks' slug(): each run of characters outside [A-Za-z0-9._-] becomes `-`, then leading and
 * trailing `-`, `.` and `_` are trimmed. `openai/gpt-oss-20b` → `openai-gpt-oss-20b`.
 */
export function slug(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-._]+|[-._]+$/g, "");
}
