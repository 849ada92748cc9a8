import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** sha256 over metadata.json then results.jsonl, streamed: the run's content identity. */
export async function hashRunFiles(metadataPath: string, resultsPath: string): Promise<string> {
  const h = createHash("sha256");
  for (const file of [metadataPath, resultsPath]) {
    for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
    h.update("\u0000"); // boundary: moving bytes between the files changes the hash
  }
  return h.digest("hex");
}
