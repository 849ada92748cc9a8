import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { zipSync, type ZipAttributes } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { archiveKind, extractArchive, safeEntryPath, type ArchiveLimits } from "./archive";
import { IngestError } from "./errors";
import { rowJson } from "./test-fixtures";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "mm-archive-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = (name: string) => path.join(root, `${n++}-${name}`);

// ---- a small Gen A tree ----------------------------------------------------------------------

const META = JSON.stringify({ env_id: "medqa", env_args: {}, model: "openai/gpt-oss-20b", num_examples: 2, rollouts_per_example: 1, sampling_args: {} });
const RESULTS = [rowJson({ id: 0, reward: 1 }), rowJson({ id: 1, reward: 0 })].map((r) => JSON.stringify(r)).join("\n") + "\n";
const RUN = "runs/evals/openai-gpt-oss-20b/medqa/base";
const TREE: Record<string, string> = { [`${RUN}/metadata.json`]: META, [`${RUN}/results.jsonl`]: RESULTS };
const TREE_BYTES = Buffer.byteLength(META) + Buffer.byteLength(RESULTS);

// ---- a tiny tar writer ------------------------------------------------------------------------

interface TarEntry {
  name: string;
  data?: Buffer | string;
  type?: string;
  linkname?: string;
  prefix?: string;
  /** Declared size, when it must differ from the data (never used to lie here). */
}

function header(name: string, size: number, type: string, linkname = "", prefix = ""): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, "utf8");
  h.write("0000644\0", 100, "latin1");
  h.write("0000000\0", 108, "latin1");
  h.write("0000000\0", 116, "latin1");
  h.write(size.toString(8).padStart(11, "0") + "\0", 124, "latin1");
  h.write("00000000000\0", 136, "latin1");
  h.write("        ", 148, "latin1");
  h.write(type, 156, "latin1");
  h.write(linkname, 157, 100, "utf8");
  h.write("ustar\0", 257, "latin1");
  h.write("00", 263, "latin1");
  h.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, "latin1");
  return h;
}

function tar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = typeof e.data === "string" ? Buffer.from(e.data) : (e.data ?? Buffer.alloc(0));
    parts.push(header(e.name, data.length, e.type ?? "0", e.linkname, e.prefix), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = body.length + 1;
  while (String(len).length + body.length !== len) len = String(len).length + body.length;
  return `${len}${body}`;
}

const treeTar = (extra: TarEntry[] = []) =>
  tar([
    { name: "./", type: "5" },
    { name: "./runs/", type: "5" },
    ...Object.entries(TREE).map(([name, data]) => ({ name: `./${name}`, data })),
    ...extra,
  ]);

function write(name: string, data: Buffer | Uint8Array): string {
  const file = fresh(name);
  fs.writeFileSync(file, data);
  return file;
}

const zip = (files: Record<string, Uint8Array | [Uint8Array, ZipAttributes & { level?: 0 | 9 }]>) => Buffer.from(zipSync(files as never));

async function rejected(p: Promise<unknown>): Promise<IngestError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error("expected an IngestError");
}

/** destDir is absent (or still empty) and no staging folder is left next to it. */
function expectCleanedUp(dest: string, existed = false) {
  if (existed) expect(fs.readdirSync(dest)).toEqual([]);
  else expect(fs.existsSync(dest)).toBe(false);
  expect(fs.readdirSync(path.dirname(dest)).filter((f) => f.includes(".extracting-"))).toEqual([]);
}

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full).split(path.sep).join("/")] = fs.readFileSync(full, "utf8");
    }
  };
  walk(dir);
  return out;
}

async function expectRejected(file: string, problem: RegExp, field?: string, limits?: ArchiveLimits) {
  const dest = fresh("out");
  const e = await rejected(extractArchive(file, dest, limits));
  expect(e.file).toBe(file);
  expect(e.problem).toMatch(problem);
  if (field !== undefined) expect(e.field).toBe(field);
  expectCleanedUp(dest);
  return e;
}

// ---- tests ------------------------------------------------------------------------------------

describe("extractArchive: happy paths", () => {
  it("extracts a zip of a Gen A tree", async () => {
    const enc = new TextEncoder();
    const file = write("tree.zip", zip({ "runs/": new Uint8Array(0), ...Object.fromEntries(Object.entries(TREE).map(([k, v]) => [k, enc.encode(v)])) }));
    expect(await archiveKind(file)).toBe("zip");
    const dest = fresh("out");
    expect(await extractArchive(file, dest)).toEqual({ files: 2, bytes: TREE_BYTES });
    expect(readTree(dest)).toEqual(TREE);
    expectCleanedUp(path.join(dest, "nothing-here"));
  });

  it("extracts a tar.gz (./ prefixes, directories) into an existing empty folder", async () => {
    const file = write("tree.tar.gz", zlib.gzipSync(treeTar()));
    expect(await archiveKind(file)).toBe("tar.gz");
    const dest = fresh("out");
    fs.mkdirSync(dest);
    expect(await extractArchive(file, dest)).toEqual({ files: 2, bytes: TREE_BYTES });
    expect(readTree(dest)).toEqual(TREE);
  });

  it("extracts a plain tar, with PAX, GNU long names and the ustar prefix field", async () => {
    const long = `runs/evals/${"m".repeat(120)}/medqa/base/metadata.json`;
    const gnuLong = `runs/evals/${"g".repeat(110)}/results.jsonl`;
    const file = write(
      "tree.tar",
      tar([
        { name: "PaxHeader", type: "x", data: paxRecord("path", long) + paxRecord("mtime", "1700000000.5") },
        { name: "truncated-name", data: "pax" },
        { name: "././@LongLink", type: "L", data: gnuLong + "\0" },
        { name: "truncated-gnu", data: "gnu" },
        { name: "results.jsonl", prefix: "runs/prefixed", data: "prefix" },
        { name: "pax_global_header", type: "g", data: paxRecord("comment", "x") },
      ]),
    );
    expect(await archiveKind(file)).toBe("tar");
    const dest = fresh("out");
    expect(await extractArchive(file, dest)).toEqual({ files: 3, bytes: 12 });
    expect(readTree(dest)).toEqual({ [long]: "pax", [gnuLong]: "gnu", "runs/prefixed/results.jsonl": "prefix" });
  });
});

describe("extractArchive: rejected entries", () => {
  it.each([
    ["../evil.txt", /'\.\.'/],
    ["runs/../../evil.txt", /'\.\.'/],
    ["/etc/evil.txt", /absolute/],
    ["C:/evil.txt", /drive letter/],
    ["runs\\..\\evil.txt", /backslash/],
  ])("zip entry %s", async (name, problem) => {
    const file = write("bad.zip", zip({ "ok.txt": new Uint8Array([1]), [name]: new Uint8Array([1, 2, 3]) }));
    await expectRejected(file, problem, name);
  });

  it.each([
    ["./../evil.txt", /'\.\.'/],
    ["/etc/evil.txt", /absolute/],
    ["C:\\evil.txt", /backslash/],
    ["D:evil.txt", /drive letter/],
  ])("tar.gz entry %s", async (name, problem) => {
    const file = write("bad.tar.gz", zlib.gzipSync(treeTar([{ name, data: "x" }])));
    await expectRejected(file, problem, name);
  });

  it.each([
    ["2", "symlink"],
    ["1", "hardlink"],
    ["3", "character device"],
    ["4", "block device"],
    ["6", "FIFO"],
  ])("tar entry type %s (%s)", async (type, what) => {
    const file = write("link.tar", treeTar([{ name: "runs/link", type, linkname: "/etc/passwd" }]));
    await expectRejected(file, new RegExp(what), "runs/link");
  });

  it("zip symlink entry", async () => {
    const file = write("link.zip", zip({ "runs/link": [new TextEncoder().encode("/etc/passwd"), { os: 3, attrs: 0o120777 << 16 }] }));
    await expectRejected(file, /symlink/, "runs/link");
  });

  it("zip FIFO entry", async () => {
    const file = write("fifo.zip", zip({ "runs/fifo": [new Uint8Array(0), { os: 3, attrs: 0o010644 << 16 }] }));
    await expectRejected(file, /FIFO/, "runs/fifo");
  });

  it("duplicate file entries", async () => {
    const file = write("dup.tar", treeTar([{ name: `${RUN}/metadata.json`, data: "{}" }]));
    await expectRejected(file, /duplicate/, `${RUN}/metadata.json`);
  });

  it("a path that is both a file and a directory", async () => {
    const file = write("clash.tar", tar([{ name: "a", data: "x" }, { name: "a/b", data: "y" }]));
    await expectRejected(file, /both a file and a directory/);
  });
});

describe("extractArchive: limits", () => {
  const zeros = Buffer.alloc(50 * 1024 * 1024);

  it("a zip bomb (50 MB of zeros)", async () => {
    const file = write("bomb.zip", zip({ "zeros.bin": [zeros, { level: 9 }] }));
    expect(fs.statSync(file).size).toBeLessThan(zeros.length / 200);
    await expectRejected(file, /compression ratio above 200/);
  });

  it("a zip bomb whose headers lie about the size is caught while inflating", async () => {
    const buf = zip({ "zeros.bin": [zeros, { level: 9 }] });
    const cd = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt32LE(1000, cd + 24); // declared uncompressed size: 1000 bytes
    const e = await expectRejected(write("liar.zip", buf), /more than the 1000 bytes/, "zeros.bin");
    expect(e.problem).not.toMatch(/ratio/);
    // declared just under the ratio limit: the ratio measured while streaming fires first
    buf.writeUInt32LE(200 * buf.readUInt32LE(cd + 20) - 1, cd + 24);
    await expectRejected(write("liar2.zip", buf), /compression ratio above 200/, "zeros.bin");
  });

  it("a tar.gz bomb, checked while streaming", async () => {
    const file = write("bomb.tar.gz", zlib.gzipSync(tar([{ name: "zeros.bin", data: zeros }]), { level: 9 }));
    await expectRejected(file, /compression ratio above 200/, "zeros.bin");
  });

  it("a lower maxRatio applies to ordinary data", async () => {
    const file = write("json.tar.gz", zlib.gzipSync(tar([{ name: "r.jsonl", data: RESULTS.repeat(3000) }])));
    await expectRejected(file, /compression ratio above 5/, "r.jsonl", { maxRatio: 5 });
  });

  it("too many entries (zip and tar)", async () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.txt`, new Uint8Array([i])]));
    await expectRejected(write("many.zip", zip(many)), /more than 10 entries/, undefined, { maxEntries: 10 });
    const t = tar(Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.txt`, data: "x" })));
    await expectRejected(write("many.tar.gz", zlib.gzipSync(t)), /more than 10 entries/, "f10.txt", { maxEntries: 10 });
  });

  it("total and per-entry size limits", async () => {
    const t = treeTar();
    await expectRejected(write("big.tar", t), new RegExp(`more than ${TREE_BYTES - 1} bytes`), `./${RUN}/results.jsonl`, { maxTotalBytes: TREE_BYTES - 1 });
    await expectRejected(write("big.tgz", zlib.gzipSync(t)), /entry larger than 50 bytes/, undefined, { maxEntryBytes: 50 });
    const z = zip({ "a.txt": new Uint8Array(80), "b.txt": new Uint8Array(80) });
    await expectRejected(write("big.zip", z), /more than 100 bytes/, "b.txt", { maxTotalBytes: 100 });
    await expectRejected(write("big2.zip", z), /entry larger than 50 bytes/, "a.txt", { maxEntryBytes: 50 });
  });
});

/** Rewrite a (small) zip in zip64 form: 0xFFFFFFFF sizes/offsets with zip64 extras, zip64 EOCD + locator. */
function toZip64(buf: Buffer): Buffer {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const total = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  const parts: Buffer[] = [];
  let p = cdOffset;
  for (let i = 0; i < total; i++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const fixed = Buffer.from(buf.subarray(p, p + 46));
    const z = Buffer.alloc(28);
    z.writeUInt16LE(1, 0);
    z.writeUInt16LE(24, 2);
    z.writeBigUInt64LE(BigInt(fixed.readUInt32LE(24)), 4);
    z.writeBigUInt64LE(BigInt(fixed.readUInt32LE(20)), 12);
    z.writeBigUInt64LE(BigInt(fixed.readUInt32LE(42)), 20);
    for (const at of [20, 24, 42]) fixed.writeUInt32LE(0xffffffff, at);
    fixed.writeUInt16LE(extraLen + z.length, 30);
    parts.push(fixed, buf.subarray(p + 46, p + 46 + nameLen), z, buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen + commentLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  const cd = Buffer.concat(parts);
  const z64 = Buffer.alloc(56);
  z64.writeUInt32LE(0x06064b50, 0);
  z64.writeBigUInt64LE(44n, 4);
  z64.writeUInt16LE(45, 12);
  z64.writeUInt16LE(45, 14);
  z64.writeBigUInt64LE(BigInt(total), 24);
  z64.writeBigUInt64LE(BigInt(total), 32);
  z64.writeBigUInt64LE(BigInt(cd.length), 40);
  z64.writeBigUInt64LE(BigInt(cdOffset), 48);
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  loc.writeBigUInt64LE(BigInt(cdOffset + cd.length), 8);
  loc.writeUInt32LE(1, 16);
  const end = Buffer.from(buf.subarray(eocd, eocd + 22));
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([buf.subarray(0, cdOffset), cd, z64, loc, end]);
}

describe("extractArchive: zip64", () => {
  it("reads zip64 end records and extra fields", async () => {
    const enc = new TextEncoder();
    const plain = zip(Object.fromEntries(Object.entries(TREE).map(([k, v]) => [k, enc.encode(v)])));
    const file = write("tree64.zip", toZip64(plain));
    const dest = fresh("out");
    expect(await extractArchive(file, dest)).toEqual({ files: 2, bytes: TREE_BYTES });
    expect(readTree(dest)).toEqual(TREE);
  });
});

describe("extractArchive: corrupt or unusual input", () => {
  it("a CRC mismatch", async () => {
    const buf = zip({ "a.txt": new TextEncoder().encode("hello world") });
    const cd = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt32LE(buf.readUInt32LE(cd + 16) ^ 1, cd + 16);
    await expectRejected(write("crc.zip", buf), /CRC/, "a.txt");
  });

  it("overlapping zip entries", async () => {
    const buf = zip({ "a.txt": new Uint8Array(100).fill(7), "b.txt": new Uint8Array(100).fill(8) });
    const first = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const second = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), first + 4);
    buf.writeUInt32LE(0, second + 42); // b.txt now points at a.txt's data
    await expectRejected(write("overlap.zip", buf), /overlap/, "b.txt");
  });

  it("a truncated tar.gz", async () => {
    const gz = zlib.gzipSync(treeTar());
    await expectRejected(write("cut.tar.gz", gz.subarray(0, gz.length - 30)), /corrupt tar\.gz/);
  });

  it("something that is not an archive", async () => {
    await expectRejected(write("notes.zip", Buffer.from("just text")), /not a zip, tar or tar\.gz/);
  });

  it("refuses a non-empty destination and leaves it alone", async () => {
    const file = write("tree.tar", treeTar());
    const dest = fresh("out");
    fs.mkdirSync(dest);
    fs.writeFileSync(path.join(dest, "keep.txt"), "mine");
    const e = await rejected(extractArchive(file, dest));
    expect(e.problem).toMatch(/not empty/);
    expect(fs.readdirSync(dest)).toEqual(["keep.txt"]);
  });

  it("leaves an existing empty destination empty after a rejection", async () => {
    const file = write("bad.tar", treeTar([{ name: "../x", data: "x" }]));
    const dest = fresh("out");
    fs.mkdirSync(dest);
    await rejected(extractArchive(file, dest));
    expectCleanedUp(dest, true);
  });
});

describe("safeEntryPath", () => {
  it("normalises harmless paths", () => {
    expect(safeEntryPath("a.zip", "./runs//evals/./x.json")).toBe("runs/evals/x.json");
    expect(safeEntryPath("a.zip", "./")).toBe("");
    expect(safeEntryPath("a.zip", "dir/")).toBe("dir");
  });
  it.each(["..", "a/../..", "/abs", "C:x", "a\\b", "a\0b"])("rejects %j", (name) => {
    expect(() => safeEntryPath("a.zip", name)).toThrow(IngestError);
  });
});
