/**
 * Read a text file line by line from a byte stream, with line numbers, strict UTF-8 (a line with
 * invalid bytes is an error naming the line, never silently replaced) and a cap on line length
 * (a 100 MB line is refused before it is decoded, not loaded into a string).
 */
import { createReadStream } from "node:fs";
import { IngestError } from "./errors";

export interface Line {
  text: string;
  /** 1-based. */
  lineNo: number;
  /** Bytes of the file consumed up to the end of this line (for progress). */
  offset: number;
  /** True for a last line not terminated by a newline (possibly truncated). */
  unterminated: boolean;
}

export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

export async function* readLines(file: string, maxLineBytes = DEFAULT_MAX_LINE_BYTES): AsyncGenerator<Line> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  let parts: Buffer[] = [];
  let partBytes = 0;
  let lineNo = 0;
  let offset = 0;
  const decode = (buf: Buffer, n: number): string => {
    try {
      const text = decoder.decode(buf);
      return text.endsWith("\r") ? text.slice(0, -1) : text;
    } catch {
      throw new IngestError(file, "is not valid UTF-8 text", n);
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf(10, start);
        if (nl === -1) {
          const rest = chunk.subarray(start);
          partBytes += rest.length;
          if (partBytes > maxLineBytes) {
            throw new IngestError(file, `line is longer than ${Math.round(maxLineBytes / 1048576)} MB`, lineNo + 1);
          }
          if (rest.length) parts.push(rest);
          break;
        }
        const piece = chunk.subarray(start, nl);
        lineNo++;
        if (partBytes + piece.length > maxLineBytes) {
          throw new IngestError(file, `line is longer than ${Math.round(maxLineBytes / 1048576)} MB`, lineNo);
        }
        const buf = parts.length ? Buffer.concat([...parts, piece]) : piece;
        offset += buf.length + 1;
        parts = [];
        partBytes = 0;
        start = nl + 1;
        yield { text: decode(buf, lineNo), lineNo, offset, unterminated: false };
      }
    }
    if (partBytes > 0) {
      lineNo++;
      const buf = Buffer.concat(parts);
      offset += buf.length;
      yield { text: decode(buf, lineNo), lineNo, offset, unterminated: true };
    }
  } finally {
    stream.destroy();
  }
}
