/**
 * Safe extraction of uploaded archives: `.zip`, `.tar.gz` / `.tgz` and plain `.tar`.
 *
 * The kind is sniffed from the first bytes (zip `PK\x03\x04` / `PK\x05\x06`, gzip `1f 8b`,
 * `ustar` at offset 257), falling back to the extension for old v7 tars without a magic.
 *
 * Everything is extracted into a fresh staging folder next to `destDir`
 * (`.<name>.extracting-XXXXXX`), renamed to `destDir` only when the whole archive passed. On any
 * rejection or I/O error the staging folder is removed, so `destDir` is left as it was: absent,
 * or empty (a non-empty `destDir` is refused up front). Rejections are {@link IngestError}s with
 * the archive as `file` and, when one entry is at fault, its path as `field`.
 *
 * Rejected:
 * - entry paths with a `..` segment, absolute paths (`/x`), Windows drive letters (`C:`),
 *   backslashes, NUL bytes; the same file path twice;
 * - symlinks, hardlinks, character / block devices, FIFOs, sockets, sparse / multi-volume and
 *   unknown tar entry types; encrypted zip entries and zip methods other than stored / deflate;
 *   multi-disk zips and zips whose entries overlap (the "overlapping files" zip bomb);
 * - more than `maxEntries` entries (files and directories), more than `maxTotalBytes` of
 *   extracted data, an entry over `maxEntryBytes`;
 * - a compression ratio over `maxRatio`: total uncompressed bytes / compressed bytes read so far,
 *   for the whole archive, checked on every chunk while streaming (headers are not trusted: a zip
 *   entry that inflates to more or fewer bytes than its header says, or fails its CRC, is
 *   rejected). The ratio is only enforced past {@link RATIO_GRACE_BYTES} of output, so tiny,
 *   very repetitive files are not flagged. For tar.gz the uncompressed side is the tar stream.
 *
 * Memory: tar and tar.gz are streamed (file → gunzip → tar parser → disk), holding only a few
 * 64 KiB chunks. Zip reads the central directory incrementally through a 1 MiB window (one entry
 * record kept per entry: name, sizes and offsets), then streams each entry (read range →
 * inflate → disk). Nothing ever holds a whole entry or the whole archive.
 *
 * Directory and file modes from the archive are ignored (directories 0755, files 0644) and
 * timestamps are not restored.
 */
import fs from "node:fs";
import fsp, { type FileHandle } from "node:fs/promises";
import path from "node:path";
import { Transform, pipeline, type Readable } from "node:stream";
import zlib from "node:zlib";
import { IngestError } from "./errors";

export interface ArchiveLimits {
  /** Entries (files + directories). Default 100 000. */
  maxEntries?: number;
  /** Total extracted bytes. Default 20 GiB. */
  maxTotalBytes?: number;
  /** Whole-archive uncompressed / compressed. Default 200. */
  maxRatio?: number;
  /** Bytes of one extracted file. Default: `maxTotalBytes`. */
  maxEntryBytes?: number;
}

export interface ExtractResult {
  files: number;
  bytes: number;
}

export type ArchiveKind = "zip" | "tar" | "tar.gz";

export const DEFAULT_ARCHIVE_LIMITS: Required<ArchiveLimits> = {
  maxEntries: 100_000,
  maxTotalBytes: 20 * 1024 ** 3,
  maxRatio: 200,
  maxEntryBytes: 20 * 1024 ** 3,
};

/** Output below this size is never rejected for its compression ratio. */
export const RATIO_GRACE_BYTES = 1024 * 1024;

const CHUNK = 64 * 1024;

/** An archive file name this module handles (by extension). */
export function isArchiveName(file: string): boolean {
  return /\.(zip|tar|tar\.gz|tgz)$/i.test(file);
}

/** The kind of archive, from its first bytes (then its extension); null when not one. */
export async function archiveKind(file: string): Promise<ArchiveKind | null> {
  const fh = await fsp.open(file, "r");
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await fh.read(head, 0, 512, 0);
    if (bytesRead >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))) return "zip";
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "tar.gz";
    if (bytesRead >= 262 && head.toString("latin1", 257, 262) === "ustar") return "tar";
    if (/\.tar$/i.test(file) && bytesRead === 512) return "tar";
    return null;
  } finally {
    await fh.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Entry checks and accounting

/** The safe relative path of an entry ("" for the root itself), or throws. */
export function safeEntryPath(archive: string, name: string): string {
  const reject = (why: string): never => {
    throw new IngestError(archive, why, undefined, name);
  };
  if (name.includes("\0")) reject("entry path contains a NUL byte");
  if (name.includes("\\")) reject("entry path contains a backslash");
  if (/^[A-Za-z]:/.test(name)) reject("entry path has a drive letter");
  if (name.startsWith("/")) reject("entry path is absolute");
  const parts = name.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.includes("..")) reject("entry path contains '..'");
  return parts.join("/");
}

class Extraction {
  readonly limits: Required<ArchiveLimits>;
  entries = 0;
  files = 0;
  /** Bytes written to disk. */
  bytes = 0;
  /** Compressed bytes read so far (zip entry data, or the gzip file). */
  compressed = 0;
  /** Uncompressed bytes produced so far (zip entry data, or the tar stream). */
  uncompressed = 0;
  private readonly seenFiles = new Set<string>();
  private readonly madeDirs = new Set<string>();

  constructor(
    readonly archive: string,
    readonly root: string,
    limits: ArchiveLimits | undefined,
    /** Whether the ratio applies (not for plain tar). */
    private readonly compressedKind: boolean,
  ) {
    const maxTotalBytes = limits?.maxTotalBytes ?? DEFAULT_ARCHIVE_LIMITS.maxTotalBytes;
    this.limits = {
      maxEntries: limits?.maxEntries ?? DEFAULT_ARCHIVE_LIMITS.maxEntries,
      maxTotalBytes,
      maxRatio: limits?.maxRatio ?? DEFAULT_ARCHIVE_LIMITS.maxRatio,
      maxEntryBytes: limits?.maxEntryBytes ?? maxTotalBytes,
    };
  }

  fail(problem: string, entry?: string): never {
    throw new IngestError(this.archive, problem, undefined, entry);
  }

  countEntry(name: string) {
    this.entries++;
    if (this.entries > this.limits.maxEntries) this.fail(`more than ${this.limits.maxEntries} entries`, name);
  }

  checkRatio(entry?: string) {
    if (!this.compressedKind || this.uncompressed <= RATIO_GRACE_BYTES) return;
    if (this.uncompressed > this.limits.maxRatio * Math.max(1, this.compressed)) {
      this.fail(`compression ratio above ${this.limits.maxRatio} (a zip bomb?)`, entry);
    }
  }

  /** Early rejection on a declared size (the actual bytes are counted again while writing). */
  checkDeclared(name: string, size: number) {
    if (size > this.limits.maxEntryBytes) this.fail(`entry larger than ${this.limits.maxEntryBytes} bytes`, name);
    if (this.bytes + size > this.limits.maxTotalBytes) this.fail(`archive holds more than ${this.limits.maxTotalBytes} bytes`, name);
  }

  private target(rel: string): string {
    const full = path.join(this.root, rel);
    if (full !== this.root && !full.startsWith(this.root + path.sep)) this.fail("entry path leaves the destination", rel);
    return full;
  }

  async mkdir(rel: string) {
    if (rel === "" || this.madeDirs.has(rel)) return;
    if (this.seenFiles.has(rel)) this.fail("entry is both a file and a directory", rel);
    await fsp.mkdir(this.target(rel), { recursive: true, mode: 0o755 });
    for (let d = rel; d !== "." && d !== ""; d = path.posix.dirname(d)) this.madeDirs.add(d);
  }

  /** Write one file from its (uncompressed) chunks, enforcing the limits on the actual bytes. */
  async writeFile(name: string, rel: string, chunks: AsyncIterable<Buffer>, onChunk?: (chunk: Buffer) => void): Promise<number> {
    if (rel === "") this.fail("file entry without a name", name);
    if (this.seenFiles.has(rel)) this.fail("duplicate entry", name);
    if (this.madeDirs.has(rel)) this.fail("entry is both a file and a directory", name);
    this.seenFiles.add(rel);
    const parent = path.posix.dirname(rel);
    if (parent !== ".") await this.mkdir(parent);
    const fh = await fsp.open(this.target(rel), "wx", 0o644);
    let size = 0;
    try {
      for await (const chunk of chunks) {
        size += chunk.length;
        if (size > this.limits.maxEntryBytes) this.fail(`entry larger than ${this.limits.maxEntryBytes} bytes`, name);
        if (this.bytes + chunk.length > this.limits.maxTotalBytes) this.fail(`archive holds more than ${this.limits.maxTotalBytes} bytes`, name);
        onChunk?.(chunk);
        await fh.write(chunk);
        this.bytes += chunk.length;
      }
    } finally {
      await fh.close();
    }
    this.files++;
    return size;
  }
}

// ---------------------------------------------------------------------------------------------
// Public entry point

/**
 * Extract `archivePath` into `destDir` (created; must not exist or be empty). Returns the number
 * of files written and their total size. See the module comment for what is rejected.
 */
export async function extractArchive(archivePath: string, destDir: string, limits?: ArchiveLimits): Promise<ExtractResult> {
  const kind = await archiveKind(archivePath).catch((e: Error) => {
    throw new IngestError(archivePath, `cannot read archive (${e.message})`);
  });
  if (!kind) throw new IngestError(archivePath, "not a zip, tar or tar.gz archive");

  const dest = path.resolve(destDir);
  let destExisted = false;
  try {
    const st = await fsp.stat(dest);
    if (!st.isDirectory()) throw new IngestError(archivePath, `destination ${dest} exists and is not a folder`);
    if ((await fsp.readdir(dest)).length > 0) throw new IngestError(archivePath, `destination ${dest} is not empty`);
    destExisted = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  await fsp.mkdir(path.dirname(dest), { recursive: true });
  const staging = await fsp.mkdtemp(path.join(path.dirname(dest), `.${path.basename(dest)}.extracting-`));

  const x = new Extraction(archivePath, staging, limits, kind !== "tar");
  try {
    if (kind === "zip") await extractZip(x);
    else await extractTar(x, kind === "tar.gz");
    x.checkRatio();
    if (destExisted) await fsp.rmdir(dest);
    await fsp.rename(staging, dest);
    return { files: x.files, bytes: x.bytes };
  } catch (e) {
    await fsp.rm(staging, { recursive: true, force: true });
    if (e instanceof IngestError) throw e;
    throw new IngestError(archivePath, `cannot extract (${(e as Error).message})`);
  }
}

// ---------------------------------------------------------------------------------------------
// tar / tar.gz (streamed)

/** Pulls exact byte counts out of a chunked stream. */
class ByteReader {
  private chunks: Buffer[] = [];
  private length = 0;
  private done = false;
  private readonly it: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>, private readonly onPull: (n: number) => void) {
    this.it = source[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<boolean> {
    while (this.length < n && !this.done) {
      const r = await this.it.next();
      if (r.done) this.done = true;
      else {
        const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
        this.onPull(b.length);
        this.chunks.push(b);
        this.length += b.length;
      }
    }
    return this.length >= n;
  }

  private take(n: number): Buffer {
    const out: Buffer[] = [];
    let need = n;
    while (need > 0) {
      const c = this.chunks[0];
      if (c.length <= need) {
        out.push(c);
        this.chunks.shift();
        need -= c.length;
      } else {
        out.push(c.subarray(0, need));
        this.chunks[0] = c.subarray(need);
        need = 0;
      }
    }
    this.length -= n;
    return out.length === 1 ? out[0] : Buffer.concat(out);
  }

  /** Exactly n bytes, or null at a clean end of stream; throws on a truncated read. */
  async exact(n: number): Promise<Buffer | null> {
    if (await this.fill(n)) return this.take(n);
    if (this.length === 0) return null;
    throw new Error("unexpected end of archive");
  }

  /** Yields the next n bytes in chunks of at most {@link CHUNK}. */
  async *stream(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      const want = Math.min(left, CHUNK);
      if (this.length === 0 && !(await this.fill(1))) throw new Error("unexpected end of archive");
      const k = Math.min(want, this.length);
      left -= k;
      yield this.take(k);
    }
  }

  async skip(n: number) {
    for await (const chunk of this.stream(n)) void chunk;
  }

  async close() {
    await this.it.return?.();
  }
}

function tarString(b: Buffer, start: number, len: number): string {
  const s = b.subarray(start, start + len);
  const end = s.indexOf(0);
  return s.subarray(0, end < 0 ? s.length : end).toString("utf8");
}

function tarNumber(b: Buffer, start: number, len: number): number {
  const s = b.subarray(start, start + len);
  if (s[0] & 0x80) {
    // GNU base-256 (big-endian, first byte's high bit set); negative values are invalid here.
    if (s[0] === 0xff) throw new Error("negative size in tar header");
    let v = BigInt(s[0] & 0x7f);
    for (let i = 1; i < s.length; i++) v = (v << 8n) | BigInt(s[i]);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error("size in tar header too large");
    return Number(v);
  }
  const text = s.toString("latin1").replace(/[\0 ]+$/g, "").replace(/^[ ]+/, "");
  if (text === "") return 0;
  if (!/^[0-7]+$/.test(text)) throw new Error(`bad number in tar header: ${JSON.stringify(text)}`);
  return Number.parseInt(text, 8);
}

function validChecksum(h: Buffer): boolean {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < 512; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : h[i];
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  let stored: number;
  try {
    stored = tarNumber(h, 148, 8);
  } catch {
    return false;
  }
  return stored === unsigned || stored === signed;
}

/** PAX records `"<len> <key>=<value>\n"`. */
function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const space = data.indexOf(0x20, i);
    if (space < 0) break;
    const len = Number.parseInt(data.toString("latin1", i, space), 10);
    if (!Number.isFinite(len) || len <= 0 || i + len > data.length) break;
    const record = data.toString("utf8", space + 1, i + len - 1);
    const eq = record.indexOf("=");
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    i += len;
  }
  return out;
}

const MAX_META_BYTES = 1024 * 1024;
const pad512 = (n: number) => (512 - (n % 512)) % 512;

const TAR_TYPES: Record<string, string> = {
  "1": "hardlink",
  "2": "symlink",
  "3": "character device",
  "4": "block device",
  "6": "FIFO",
  S: "sparse file",
  M: "multi-volume continuation",
  V: "volume label",
  D: "GNU dump directory",
};

async function extractTar(x: Extraction, gzipped: boolean): Promise<void> {
  const input = fs.createReadStream(x.archive, { highWaterMark: gzipped ? 16 * 1024 : CHUNK });
  let source: Readable = input;
  if (gzipped) {
    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        x.compressed += chunk.length;
        cb(null, chunk);
      },
    });
    const gunzip = zlib.createGunzip({ chunkSize: CHUNK });
    source = pipeline(input, counter, gunzip, () => {});
  }
  let current: string | undefined;
  const reader = new ByteReader(source, (n) => {
    x.uncompressed += n;
    x.checkRatio(current);
  });
  try {
    let pax: Record<string, string> = {};
    let longName: string | null = null;
    let zeroBlocks = 0;
    for (;;) {
      current = undefined;
      const h = await reader.exact(512);
      if (h === null) break;
      if (h.every((b) => b === 0)) {
        if (++zeroBlocks >= 2) break;
        continue;
      }
      zeroBlocks = 0;
      if (!validChecksum(h)) x.fail(x.entries === 0 ? "not a tar archive (bad header checksum)" : "corrupt tar header (bad checksum)");
      const type = String.fromCharCode(h[156]);
      const magic = h.toString("latin1", 257, 263);
      const headerSize = tarNumber(h, 124, 12);

      if (type === "x" || type === "g" || type === "L" || type === "K") {
        if (headerSize > MAX_META_BYTES) x.fail("tar metadata header too large");
        const data = (await reader.exact(headerSize + pad512(headerSize)))?.subarray(0, headerSize);
        if (!data) throw new Error("unexpected end of archive");
        if (type === "x") pax = parsePax(data);
        else if (type === "L") longName = tarString(data, 0, data.length);
        // "g" (global PAX) and "K" (GNU long link name) carry nothing we use.
        continue;
      }

      const prefix = magic === "ustar\0" ? tarString(h, 345, 155) : "";
      const shortName = tarString(h, 0, 100);
      const name = pax.path ?? longName ?? (prefix ? `${prefix}/${shortName}` : shortName);
      const size = pax.size !== undefined ? Number(pax.size) : headerSize;
      pax = {};
      longName = null;
      current = name;
      if (!Number.isSafeInteger(size) || size < 0) x.fail("bad entry size", name);
      x.countEntry(name);

      if (TAR_TYPES[type]) x.fail(`${TAR_TYPES[type]} entries are not allowed`, name);
      const rel = safeEntryPath(x.archive, name);
      if (type === "5") {
        await x.mkdir(rel);
        await reader.skip(size + pad512(size));
      } else if (type === "0" || type === "\0" || type === "7") {
        if (name.endsWith("/") && size === 0) {
          await x.mkdir(rel); // old tars mark directories by a trailing slash only
          continue;
        }
        x.checkDeclared(name, size);
        await x.writeFile(name, rel, reader.stream(size));
        await reader.skip(pad512(size));
      } else {
        x.fail(`unsupported tar entry type ${JSON.stringify(type)}`, name);
      }
    }
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(x.archive, `corrupt ${gzipped ? "tar.gz" : "tar"} archive (${(e as Error).message})`, undefined, current);
  } finally {
    await reader.close().catch(() => {});
    input.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// zip (central directory, then each entry streamed)

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  kind: "file" | "dir" | "symlink" | "special";
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let off = 0;
  while (off < length) {
    const { bytesRead } = await fh.read(buf, off, length - off, position + off);
    if (bytesRead === 0) throw new Error("unexpected end of zip file");
    off += bytesRead;
  }
  return buf;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
function zipName(raw: Buffer, flags: number): string {
  if (flags & 0x800) return raw.toString("utf8");
  try {
    return utf8.decode(raw); // many tools write UTF-8 without setting the flag
  } catch {
    return raw.toString("latin1"); // CP437, approximately
  }
}

function entryKind(name: string, externalAttrs: number): ZipEntry["kind"] {
  const mode = externalAttrs >>> 16;
  switch (mode & 0o170000) {
    case 0o120000:
      return "symlink";
    case 0o020000:
    case 0o060000:
    case 0o010000:
    case 0o140000:
      return "special";
    case 0o040000:
      return "dir";
    default:
      return name.endsWith("/") || externalAttrs & 0x10 ? "dir" : "file";
  }
}

async function readCentralDirectory(x: Extraction, fh: FileHandle, fileSize: number): Promise<{ entries: ZipEntry[]; cdOffset: number }> {
  const tailLen = Math.min(fileSize, 22 + 0xffff + 20);
  const tail = await readAt(fh, fileSize - tailLen, tailLen);
  let eocd = -1;
  for (let i = tailLen - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tailLen) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) x.fail("not a zip archive (no end of central directory)");
  if (tail.readUInt16LE(eocd + 4) !== 0 || tail.readUInt16LE(eocd + 6) !== 0) x.fail("multi-disk zip archives are not supported");
  let total = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== SIG_ZIP64_LOCATOR) x.fail("zip64 locator missing");
    const z64Offset = Number(tail.readBigUInt64LE(loc + 8));
    if (z64Offset + 56 > fileSize) x.fail("bad zip64 end of central directory offset");
    const z = await readAt(fh, z64Offset, 56);
    if (z.readUInt32LE(0) !== SIG_ZIP64_EOCD) x.fail("bad zip64 end of central directory");
    total = Number(z.readBigUInt64LE(32));
    cdSize = Number(z.readBigUInt64LE(40));
    cdOffset = Number(z.readBigUInt64LE(48));
  }
  if (total > x.limits.maxEntries) x.fail(`more than ${x.limits.maxEntries} entries`);
  if (cdOffset + cdSize > fileSize) x.fail("central directory lies outside the file");

  // Read the central directory through a window so a huge (or lying) size costs no memory.
  const WINDOW = 1024 * 1024;
  let winStart = cdOffset;
  let win: Buffer = Buffer.alloc(0);
  const need = async (pos: number, n: number): Promise<Buffer> => {
    if (pos + n > cdOffset + cdSize) x.fail("central directory is truncated");
    if (pos < winStart || pos + n > winStart + win.length) {
      winStart = pos;
      win = await readAt(fh, pos, Math.min(Math.max(n, WINDOW), cdOffset + cdSize - pos));
    }
    return win.subarray(pos - winStart, pos - winStart + n);
  };

  const entries: ZipEntry[] = [];
  let pos = cdOffset;
  while (pos < cdOffset + cdSize) {
    const h = Buffer.from(await need(pos, 46));
    if (h.readUInt32LE(0) !== SIG_CENTRAL) {
      // Some writers leave padding; only a real entry count matters.
      if (entries.length >= total) break;
      x.fail("corrupt central directory");
    }
    const flags = h.readUInt16LE(8);
    const method = h.readUInt16LE(10);
    const crc = h.readUInt32LE(16);
    let compressedSize = h.readUInt32LE(20);
    let size = h.readUInt32LE(24);
    const nameLen = h.readUInt16LE(28);
    const extraLen = h.readUInt16LE(30);
    const commentLen = h.readUInt16LE(32);
    const externalAttrs = h.readUInt32LE(38);
    let localOffset = h.readUInt32LE(42);
    const rest = await need(pos + 46, nameLen + extraLen);
    const name = zipName(Buffer.from(rest.subarray(0, nameLen)), flags);
    const extra = rest.subarray(nameLen, nameLen + extraLen);
    for (let i = 0; i + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(i);
      const len = extra.readUInt16LE(i + 2);
      if (id === 0x0001) {
        let j = i + 4;
        const next = () => {
          if (j + 8 > i + 4 + len) x.fail("bad zip64 extra field", name);
          const v = Number(extra.readBigUInt64LE(j));
          j += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      i += 4 + len;
    }
    x.countEntry(name);
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset, kind: entryKind(name, externalAttrs) });
    pos += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, cdOffset };
}

async function extractZip(x: Extraction): Promise<void> {
  const fh = await fsp.open(x.archive, "r");
  try {
    const { size: fileSize } = await fh.stat();
    const { entries, cdOffset } = await readCentralDirectory(x, fh, fileSize);

    // Checks on the whole listing before writing anything.
    let declared = 0;
    let declaredCompressed = 0;
    for (const e of entries) {
      if (e.kind === "symlink") x.fail("symlink entries are not allowed", e.name);
      if (e.kind === "special") x.fail("device, FIFO and socket entries are not allowed", e.name);
      safeEntryPath(x.archive, e.name);
      if (e.kind !== "file") continue;
      if (e.flags & 0x1) x.fail("encrypted entries are not supported", e.name);
      if (e.method !== 0 && e.method !== 8) x.fail(`unsupported compression method ${e.method}`, e.name);
      if (e.size > x.limits.maxEntryBytes) x.fail(`entry larger than ${x.limits.maxEntryBytes} bytes`, e.name);
      declared += e.size;
      declaredCompressed += e.compressedSize;
      if (declared > x.limits.maxTotalBytes) x.fail(`archive holds more than ${x.limits.maxTotalBytes} bytes`, e.name);
      if (e.localOffset + 30 + e.compressedSize > cdOffset) x.fail("entry data lies outside the archive", e.name);
    }
    if (declared > RATIO_GRACE_BYTES && declared > x.limits.maxRatio * Math.max(1, declaredCompressed)) {
      x.fail(`compression ratio above ${x.limits.maxRatio} (a zip bomb?)`);
    }
    // Entries must not share or overlap their data (the "overlapping files" zip bomb).
    const files = entries.filter((e) => e.kind === "file").sort((a, b) => a.localOffset - b.localOffset);
    for (let i = 1; i < files.length; i++) {
      const prev = files[i - 1];
      if (files[i].localOffset < prev.localOffset + 30 + prev.compressedSize) x.fail("entries overlap (a zip bomb?)", files[i].name);
    }

    for (const e of entries) {
      const rel = safeEntryPath(x.archive, e.name);
      if (e.kind === "dir") {
        await x.mkdir(rel);
        continue;
      }
      const local = await readAt(fh, e.localOffset, 30);
      if (local.readUInt32LE(0) !== SIG_LOCAL) x.fail("corrupt local header", e.name);
      const dataStart = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (dataStart + e.compressedSize > cdOffset) x.fail("entry data lies outside the archive", e.name);
      let crc = 0;
      const written = await x.writeFile(e.name, rel, zipEntryData(x, e, dataStart), (chunk) => {
        crc = zlib.crc32(chunk, crc);
      });
      if (written !== e.size) x.fail(`entry has ${written} bytes, its header says ${e.size}`, e.name);
      if (crc !== e.crc) x.fail("entry fails its CRC check", e.name);
    }
  } finally {
    await fh.close();
  }
}

/** The uncompressed bytes of one entry, counting both sides for the ratio as they stream. */
async function* zipEntryData(x: Extraction, e: ZipEntry, dataStart: number): AsyncGenerator<Buffer> {
  if (e.compressedSize === 0) {
    if (e.method === 8) throw new IngestError(x.archive, "empty deflate stream", undefined, e.name);
    return;
  }
  const raw = fs.createReadStream(x.archive, { start: dataStart, end: dataStart + e.compressedSize - 1, highWaterMark: 16 * 1024 });
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      x.compressed += chunk.length;
      cb(null, chunk);
    },
  });
  const source: Readable = e.method === 8 ? pipeline(raw, counter, zlib.createInflateRaw({ chunkSize: CHUNK }), () => {}) : pipeline(raw, counter, () => {});
  let out = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      out += chunk.length;
      x.uncompressed += chunk.length;
      if (out > e.size) throw new IngestError(x.archive, `entry inflates to more than the ${e.size} bytes its header says`, undefined, e.name);
      x.checkRatio(e.name);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(x.archive, `corrupt entry data (${(err as Error).message})`, undefined, e.name);
  } finally {
    raw.destroy();
    source.destroy();
  }
}
