"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";

import { Field } from "@/components/account/field";
import { Button } from "@/components/ui/button";
import type { Declared, SubmissionReport } from "@/lib/submissions/types";
import { ReportView } from "./report-view";

/** Loose files of a chosen folder that an upload takes; the rest is skipped. */
const ARTIFACTS = /(^|\/)(metadata\.json|results\.jsonl|run_manifest\.json|[^/]+\.parquet)$/i;
const ARCHIVE = /\.(zip|tar|tar\.gz|tgz)$/i;
const CHUNK = 8 * 1024 * 1024;
const RETRIES = 5;

interface Picked {
  file: File;
  path: string;
}

export interface ExistingUpload {
  id: number;
  files: { path: string; size: number; received: number }[];
  report: SubmissionReport | null;
  declared: Declared | null;
}

type Phase = "choose" | "uploading" | "validating" | "report" | "submitting";

function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const u = ["KB", "MB", "GB", "TB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < u.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 10 ? 0 : 1)} ${u[i]}`;
}

/** PUT one chunk with upload progress (XHR: fetch has no upload progress). */
function putChunk(url: string, blob: Blob, onProgress: (loaded: number) => void): Promise<{ status: number; body: { received?: number; error?: string } }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      let body = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("network error"));
    xhr.onabort = () => reject(new Error("aborted"));
    xhr.send(blob);
  });
}

/** POST and read an NDJSON answer: progress lines, then a result or an error line. */
async function postNdjson<T>(url: string, body: unknown, onProgress: (p: { runsDone: number; runsTotal: number; rows: number }) => void): Promise<T> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok || !res.body) {
    const j = await res.json().catch(() => ({}));
    throw Object.assign(new Error(j.error ?? `The server answered ${res.status}.`), { report: j.report });
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buf += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const msg = JSON.parse(buf.slice(0, nl));
      buf = buf.slice(nl + 1);
      if (msg.type === "progress") onProgress(msg.progress);
      else if (msg.type === "result") return msg.result as T;
      else if (msg.type === "error") throw Object.assign(new Error(msg.error), { report: msg.report });
    }
  }
  throw new Error("The server closed the connection before answering; reload the page to see the submission's state.");
}

export function SubmitFlow({ existing = null, maxBytes }: { existing?: ExistingUpload | null; maxBytes: number }) {
  const router = useRouter();
  const [picked, setPicked] = useState<Picked[]>([]);
  const [skipped, setSkipped] = useState(0);
  const [phase, setPhase] = useState<Phase>(existing?.report ? "report" : "choose");
  const [id, setId] = useState<number | null>(existing?.id ?? null);
  const [sent, setSent] = useState(0);
  const [total, setTotal] = useState(0);
  const [status, setStatus] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<SubmissionReport | null>(existing?.report ?? null);
  const [declared, setDeclared] = useState<Declared>(existing?.declared ?? {});
  const archiveInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const choose = (list: FileList | null, folder: boolean) => {
    const files = [...(list ?? [])];
    const keep: Picked[] = [];
    let skip = 0;
    for (const f of files) {
      const rel = folder ? f.webkitRelativePath || f.name : f.name;
      if (folder ? ARTIFACTS.test(rel) : ARCHIVE.test(f.name) || ARTIFACTS.test(f.name)) keep.push({ file: f, path: rel });
      else skip++;
    }
    setPicked(keep);
    setSkipped(skip);
    setError(keep.length ? null : "None of the chosen files is a run file (an archive, or metadata.json and results.jsonl).");
  };

  const size = picked.reduce((s, p) => s + p.file.size, 0);

  async function uploadAll(subId: number, serverFiles: { path: string; size: number; received: number }[], files: Picked[]) {
    const totalBytes = serverFiles.reduce((s, f) => s + f.size, 0);
    setTotal(totalBytes);
    let done = serverFiles.reduce((s, f) => s + f.received, 0);
    setSent(done);
    for (const [index, sf] of serverFiles.entries()) {
      const local = files.find((p) => p.path === sf.path || `base/${p.path}` === sf.path);
      if (!local) throw new Error(`${sf.path} was not chosen again: choose the same files to resume.`);
      if (local.file.size !== sf.size) throw new Error(`${sf.path} changed size since the upload began (${sf.size} → ${local.file.size} bytes).`);
      let offset = sf.received;
      let failures = 0;
      while (offset < sf.size) {
        const end = Math.min(sf.size, offset + CHUNK);
        setStatus(`Uploading ${sf.path}`);
        const base = done;
        try {
          const r = await putChunk(`/api/v1/submissions/${subId}/files/${index}?offset=${offset}`, local.file.slice(offset, end), (loaded) => setSent(base + loaded));
          if (r.status === 409 && typeof r.body.received === "number") {
            done += r.body.received - offset; // the server holds a different amount: resume from there
            offset = r.body.received;
            continue;
          }
          if (r.status !== 200) throw Object.assign(new Error(r.body.error ?? `The server answered ${r.status}.`), { fatal: r.status < 500 });
          done += (r.body.received ?? end) - offset;
          offset = r.body.received ?? end;
          setSent(done);
          failures = 0;
        } catch (e) {
          if ((e as { fatal?: boolean }).fatal || ++failures > RETRIES) throw e;
          setStatus(`Connection problem, retrying (${failures}/${RETRIES})…`);
          await new Promise((r) => setTimeout(r, 1000 * failures));
          // Ask the server what it holds, then go on from there.
          const s = await fetch(`/api/v1/submissions/${subId}`).then((x) => x.json()).catch(() => null);
          const held = s?.submission?.files?.[index]?.received;
          if (typeof held === "number") {
            done += held - offset;
            offset = held;
            setSent(done);
          }
        }
      }
    }
  }

  async function validate(subId: number, decl: Declared) {
    setPhase("validating");
    setStatus("Checking the runs (nothing is written yet)…");
    const r = await postNdjson<SubmissionReport>(`/api/v1/submissions/${subId}/validate`, decl, (p) =>
      setStatus(`Checking the runs: ${p.runsDone} of ${p.runsTotal}, ${p.rows.toLocaleString("en-US")} rows…`),
    );
    setReport(r);
    setPhase("report");
  }

  async function start() {
    setError(null);
    try {
      setPhase("uploading");
      let subId = id;
      let serverFiles = existing?.files ?? null;
      if (subId === null) {
        const res = await fetch("/api/v1/submissions", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ files: picked.map((p) => ({ path: p.path, size: p.file.size })) }),
        });
        const j = await res.json().catch(() => ({}));
        if (!res.ok) throw new Error(j.error ?? `The server answered ${res.status}.`);
        subId = j.submission.id as number;
        serverFiles = (j.submission.files as { path: string; size: number }[]).map((f) => ({ ...f, received: 0 }));
        setId(subId);
      } else {
        const s = await fetch(`/api/v1/submissions/${subId}`).then((x) => x.json());
        serverFiles = s.submission.files;
      }
      await uploadAll(subId!, serverFiles!, picked);
      setStatus("Upload complete.");
      await validate(subId!, declared);
    } catch (e) {
      setError((e as Error).message);
      setPhase(id === null ? "choose" : report ? "report" : "choose");
    }
  }

  async function recheck(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await validate(id!, declared);
    } catch (err) {
      setError((err as Error).message);
      setPhase("report");
    }
  }

  async function submit() {
    setError(null);
    setPhase("submitting");
    setStatus("Submitting: loading the runs for review…");
    try {
      await postNdjson(`/api/v1/submissions/${id}/confirm`, declared, (p) =>
        setStatus(`Submitting: ${p.runsDone} of ${p.runsTotal} runs, ${p.rows.toLocaleString("en-US")} rows…`),
      );
      router.push(`/submissions/${id}`);
      router.refresh();
    } catch (e) {
      const rep = (e as { report?: SubmissionReport }).report;
      if (rep) setReport(rep);
      setError((e as Error).message);
      setPhase("report");
    }
  }

  const uploadedAll = existing !== null && !report && existing.files.every((f) => f.received === f.size);
  const needFiles = phase === "choose" && !uploadedAll;
  const resuming = existing !== null && !existing.report && existing.files.some((f) => f.received < f.size);
  // Read the value now: React clears the event's currentTarget before a state updater runs.
  const setD = (k: keyof Declared) => (e: { currentTarget: HTMLInputElement }) => {
    const value = e.currentTarget.value;
    setDeclared((d) => ({ ...d, [k]: value }));
  };
  const valid = report ? report.totals.valid : 0;

  return (
    <div className="space-y-6" data-testid="submit-flow">
      {needFiles ? (
        <section className="space-y-4" aria-labelledby="h-choose">
          <h2 id="h-choose" className="text-lg font-semibold">
            {resuming ? "Choose the same files again to resume the upload" : "1. Choose the runs"}
          </h2>
          {resuming ? (
            <ul className="text-sm text-muted-foreground">
              {existing!.files.map((f) => (
                <li key={f.path}>
                  <code className="font-mono text-xs">{f.path}</code>: {fmtBytes(f.received)} of {fmtBytes(f.size)} received
                </li>
              ))}
            </ul>
          ) : null}
          <div className="flex flex-wrap gap-6">
            <div className="space-y-1">
              <label htmlFor="archive-input" className="text-sm font-medium">
                An archive (.zip, .tar.gz, .tar)
              </label>
              <input
                ref={archiveInput}
                id="archive-input"
                data-testid="archive-input"
                type="file"
                accept=".zip,.tar.gz,.tgz,.tar,application/zip,application/gzip,application/x-tar"
                onChange={(e) => choose(e.currentTarget.files, false)}
                className="block text-sm file:mr-3 file:rounded-md file:border file:border-input file:bg-background file:px-3 file:py-1.5"
              />
            </div>
            <div className="space-y-1">
              <label htmlFor="folder-input" className="text-sm font-medium">
                Or a folder of runs (its metadata.json and results.jsonl files)
              </label>
              <input
                ref={folderInput}
                id="folder-input"
                data-testid="folder-input"
                type="file"
                multiple
                {...{ webkitdirectory: "", directory: "" }}
                onChange={(e) => choose(e.currentTarget.files, true)}
                className="block text-sm file:mr-3 file:rounded-md file:border file:border-input file:bg-background file:px-3 file:py-1.5"
              />
            </div>
          </div>
          {picked.length ? (
            <p className="text-sm" data-testid="picked">
              {picked.length} file{picked.length === 1 ? "" : "s"}, {fmtBytes(size)}
              {skipped ? ` (${skipped} other file${skipped === 1 ? "" : "s"} of the folder skipped)` : ""}
              {size > maxBytes ? <strong className="text-destructive"> — over the {fmtBytes(maxBytes)} limit</strong> : null}
            </p>
          ) : null}
          <Button type="button" onClick={start} disabled={!picked.length || size > maxBytes} data-testid="upload-button">
            {resuming ? "Resume upload" : "Upload and check"}
          </Button>
        </section>
      ) : null}

      {phase === "choose" && uploadedAll ? (
        <section className="space-y-3">
          <p className="text-sm">Every file of this upload has arrived.</p>
          <Button
            type="button"
            onClick={() => validate(id!, declared).catch((e) => (setError((e as Error).message), setPhase("choose")))}
            data-testid="check-button"
          >
            Check the upload
          </Button>
        </section>
      ) : null}

      {phase === "uploading" || phase === "validating" || phase === "submitting" ? (
        <section className="space-y-2" aria-live="polite">
          {phase === "uploading" ? (
            <>
              <div
                role="progressbar"
                aria-label="Upload"
                aria-valuemin={0}
                aria-valuemax={total}
                aria-valuenow={sent}
                data-testid="upload-progress"
                className="h-3 w-full overflow-hidden rounded-full bg-muted"
              >
                <div className="h-full bg-primary transition-[width]" style={{ width: `${total ? (100 * sent) / total : 0}%` }} />
              </div>
              <p className="text-sm tabular-nums">
                {fmtBytes(sent)} of {fmtBytes(total)} ({total ? Math.floor((100 * sent) / total) : 0}%)
              </p>
            </>
          ) : null}
          <p className="text-sm text-muted-foreground" data-testid="flow-status">
            {status}
          </p>
        </section>
      ) : null}

      {error ? (
        <p role="alert" data-testid="flow-error" className="rounded-md border border-destructive/50 px-3 py-2 text-sm text-destructive">
          {error}
        </p>
      ) : null}

      {report && (phase === "report" || phase === "submitting") ? (
        <>
          <section className="space-y-3" aria-labelledby="h-report">
            <h2 id="h-report" className="text-lg font-semibold">
              2. Check the report
            </h2>
            <ReportView report={report} />
          </section>
          <section className="space-y-3" aria-labelledby="h-declare">
            <h2 id="h-declare" className="text-lg font-semibold">
              3. Name the configuration where the artifacts do not
            </h2>
            <p className="text-sm text-muted-foreground">
              Leave empty to use what the metadata says (a catalog configuration is matched on provider model and reasoning effort).
              Changing the alias re-checks the runs.
            </p>
            <form onSubmit={recheck} className="grid max-w-3xl gap-4 sm:grid-cols-2">
              <Field id="decl-alias" label="Configuration alias" value={declared.alias ?? ""} onChange={setD("alias")} maxLength={80} placeholder="e.g. my-model-high" />
              <Field id="decl-name" label="Model name" value={declared.modelName ?? ""} onChange={setD("modelName")} maxLength={120} placeholder="e.g. My Model 7B" />
              <Field id="decl-effort" label="Reasoning effort" value={declared.reasoningEffort ?? ""} onChange={setD("reasoningEffort")} maxLength={32} placeholder="low, medium, high" />
              <Field id="decl-card" label="Model card link" type="url" value={declared.modelCard ?? ""} onChange={setD("modelCard")} maxLength={500} placeholder="https://…" />
              <div className="sm:col-span-2">
                <Field id="decl-note" label="Note to the moderators (optional)" value={declared.note ?? ""} onChange={setD("note")} maxLength={2000} />
              </div>
              <div className="flex flex-wrap gap-3 sm:col-span-2">
                <Button type="submit" variant="outline" disabled={phase !== "report"}>
                  Check again
                </Button>
                <Button type="button" onClick={submit} disabled={phase !== "report" || valid === 0} data-testid="confirm-button">
                  {phase === "submitting" ? "Submitting…" : `Submit ${valid} run${valid === 1 ? "" : "s"} for review`}
                </Button>
              </div>
              {valid === 0 ? <p className="text-sm text-muted-foreground sm:col-span-2">Nothing to submit: fix the problems above and upload again.</p> : null}
            </form>
          </section>
        </>
      ) : null}
    </div>
  );
}
