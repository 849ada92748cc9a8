/** In-process exclusive sections by key (one server process writes an upload at a time). */
const held = new Map<string, Promise<unknown>>();

/** Run `fn` exclusively for `key`; with `busy`, fail at once instead of waiting. */
export async function withLock<T>(key: string, fn: () => Promise<T>, busy?: () => Error): Promise<T> {
  const prev = held.get(key);
  if (prev && busy) throw busy();
  const run = (prev ?? Promise.resolve()).catch(() => undefined).then(fn);
  held.set(key, run);
  try {
    return await run;
  } finally {
    if (held.get(key) === run) held.delete(key);
  }
}
