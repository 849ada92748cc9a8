import { describe, expect, it } from "vitest";
import { acceptsGzip, bypassReason, cacheKey, isPublicPath, requestPath } from "./policy";

const get = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers: { host: "example.org", ...headers } });

describe("page cache policy", () => {
  it("caches anonymous GETs of the public views and the read API", () => {
    for (const url of ["/", "/?board=OE&sort=rank", "/benchmarks/medqa", "/runs/12/samples/q1?rollout=0", "/compare?configs=a,b", "/api/v1/leaderboard?board=V", "/embed/leaderboard"]) {
      expect(bypassReason(get(url)), url).toBeNull();
    }
  });

  it("never caches per-user, write or auth paths", () => {
    for (const url of ["/signin", "/signup", "/profile", "/submit", "/submissions", "/admin", "/api/auth/session", "/api/v1/submissions", "/api/v1/submissions/3/chunks", "/api/internal/ingest", "/icon.svg"]) {
      expect(bypassReason(get(url)), url).toBe("path");
    }
    expect(isPublicPath("/benchmarksx")).toBe(false);
    expect(isPublicPath("/benchmarks")).toBe(true);
  });

  it("bypasses signed-in users, client-router fetches, server actions, conditional and no-cache requests, non-GET", () => {
    expect(bypassReason(get("/", { cookie: "theme=dark; authjs.session-token=abc" }))).toBe("session");
    expect(bypassReason(get("/", { cookie: "__Secure-authjs.session-token.0=abc" }))).toBe("session");
    expect(bypassReason(get("/", { cookie: "theme=dark" }))).toBeNull();
    expect(bypassReason(get("/", { rsc: "1" }))).toBe("rsc");
    expect(bypassReason(get("/", { "next-action": "abc" }))).toBe("rsc");
    expect(bypassReason(get("/api/v1/leaderboard", { "if-none-match": '"x"' }))).toBe("conditional");
    expect(bypassReason(get("/", { "cache-control": "no-cache" }))).toBe("no-cache");
    expect(bypassReason(get("/", { pragma: "no-cache" }))).toBe("no-cache");
    expect(bypassReason({ method: "POST", url: "/", headers: {} })).toBe("method");
    expect(bypassReason({ method: "HEAD", url: "/", headers: {} })).toBe("method");
    expect(bypassReason(get("http://evil.example/"))).toBe("path");
  });

  it("keys on generation, host, protocol, full URL and gzip", () => {
    const a = cacheKey(get("/?board=V"), "v1");
    expect(cacheKey(get("/?board=V"), "v1")).toBe(a);
    expect(cacheKey(get("/?board=V"), "v2")).not.toBe(a);
    expect(cacheKey(get("/?board=OE"), "v1")).not.toBe(a);
    expect(cacheKey(get("/?board=V", { host: "other.org" }), "v1")).not.toBe(a);
    expect(cacheKey(get("/?board=V", { "x-forwarded-proto": "https" }), "v1")).not.toBe(a);
    expect(cacheKey(get("/?board=V", { "accept-encoding": "gzip, br" }), "v1")).not.toBe(a);
    expect(acceptsGzip(get("/", { "accept-encoding": "br, gzip;q=0.8" }))).toBe(true);
    expect(acceptsGzip(get("/", { "accept-encoding": "br" }))).toBe(false);
    expect(requestPath("/a/b?c=d")).toBe("/a/b");
    expect(requestPath("//evil")).toBeNull();
  });
});
