/**
 * Sign-in throttle: after 10 failed attempts for one account name within 15 minutes, further
 * attempts for it are refused until the window passes (in memory, per server process). scrypt
 * already costs ~80 ms per attempt.
 */
const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 10;
const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
  const list = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length) failures.set(key, list);
  else failures.delete(key);
  return list;
}

export function isThrottled(name: string, now = Date.now()): boolean {
  return recent(name.trim().toLowerCase(), now).length >= MAX_FAILURES;
}

export function recordFailure(name: string, now = Date.now()): void {
  const key = name.trim().toLowerCase();
  const list = recent(key, now);
  list.push(now);
  failures.set(key, list);
  if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
}

export function clearFailures(name: string): void {
  failures.delete(name.trim().toLowerCase());
}
