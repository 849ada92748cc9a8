/** A same-site path to return to after signing in (never another origin: no open redirects). */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.length > 2000 || /[\u0000-\u001f]/.test(value)) return fallback;
  if (value.startsWith("/api/") || value.startsWith("/signin") || value.startsWith("/signup")) return fallback;
  return value;
}
