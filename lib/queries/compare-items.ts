/**
 * The compare view's item-level diff: the questions where one of two configurations is right and
 * the other is not, on one board (current snapshot, the board's scored datasets and demo/real
 * provenance rule, answer orders, repeats and rollouts folded into one question mean each, as the
 * paired tests use them). Only questions both answered are listed.
 *
 * "A right, B wrong" (direction `a-only`; `b-only` is the reverse):
 *   - on a benchmark whose rewards are all 0 or 1 (for these two, on their shared questions):
 *     A's question mean ≥ 1 (right in every rollout and answer order) and B's < 1 (wrong in at
 *     least one). With one rollout per question these are exactly McNemar's discordant questions.
 *   - on a graded benchmark (any other reward: judge scores, partial credit, MedHallu's 0.01
 *     "unsure"): A's question mean exceeds B's by more than 1e-9 (the win-rate tie epsilon).
 *
 * The counts per dataset and direction are stored per snapshot, board and sorted pair (view
 * `compare-items`, key `v1|<board>|<a>|<b>`); a page reads only the datasets it lists. Rows are in
 * (dataset key, id length, id) order — numeric ids in numeric order — with keyset pagination on
 * that tuple; each row carries the gold answer and the first answer of each configuration
 * (original order first) for the side-by-side detail. Model text is untrusted: it is
 * returned cut, and the page renders it as text nodes only.
 */
import { getDbHandle } from "../db";
import type { RawClient } from "../db/raw";
import { getBoardData } from "../boards/compute";
import { getSnapshotView } from "../boards/view-cache";
import { labelOf } from "../samples/options";
import { excerpt, EXCERPT_FETCH } from "../samples/text";
import { infoOptions } from "../samples/transcript";
import { COMPARE_VIEW_VERSION, ITEM_DIFF_PAGE_SIZE, type ItemAnswer, type ItemDiffDataset, type ItemDiffParams, type ItemDiffRow, type ItemDiffView } from "./compare-types";
import { datasetLabel } from "./leaderboard";
import { DEFAULT_LEADERBOARD_SETTINGS, type Board } from "./leaderboard-types";
import { excerptSql } from "./samples";

export type * from "./compare-types";

/** Longest cursor accepted. */
const MAX_CURSOR = 2048;
/** Characters of each answer's excerpt in the detail row. */
const DETAIL_EXCERPT = EXCERPT_FETCH;

/** An opaque keyset cursor: base64url JSON `[datasetKey, exampleId]`. */
export function encodeItemCursor(datasetKey: string, exampleId: string): string {
  return Buffer.from(JSON.stringify([datasetKey, exampleId]), "utf8").toString("base64url");
}

/** The key of a cursor, or null when it is not one of ours (the first page is shown instead). */
export function decodeItemCursor(text: string | null | undefined): { datasetKey: string; exampleId: string } | null {
  if (!text || text.length > MAX_CURSOR || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [datasetKey, exampleId] = parsed as unknown[];
    if (typeof datasetKey !== "string" || typeof exampleId !== "string" || !datasetKey || !exampleId) return null;
    if (datasetKey.length > 300 || exampleId.length > 1000) return null;
    return { datasetKey, exampleId };
  } catch {
    return null;
  }
}

function orderLabel(orderSeed: number | null, repeat: number): string {
  const order = orderSeed === null ? "original order" : `shuffle ${orderSeed}`;
  return repeat ? `${order}, repeat ${repeat}` : order;
}

/**
 * Per question of a ($2) and b ($3) over the datasets $4 of snapshot $1 on board $5: mean, rewards,
 * all rewards 0/1. The board filter matters: CareQA and CareQA Open (V / OE) share folded keys.
 */
function questionsCte(provenance: string): string {
  return `with q as (
    select u.config_slug as config, d.folded_key as fkey, d.benchmark_slug as benchmark, r.example_id,
           avg(r.reward)::float8 as m, count(r.reward)::int as n,
           bool_and(r.reward is null or r.reward = 0 or r.reward = 1) as bin
    from snapshot_runs sr
    join runs u on u.id = sr.run_id
    join datasets d on d.id = u.dataset_id
    join benchmarks bb on bb.slug = d.benchmark_slug
    join rollouts r on r.run_id = u.id
    where sr.snapshot_id = $1 and u.config_slug in ($2::text, $3::text) and d.folded_key = any($4::text[]) and bb.subset = $5::text ${provenance}
    group by u.config_slug, d.folded_key, d.benchmark_slug, r.example_id
  ), p as (
    select fkey, benchmark, example_id,
           max(m) filter (where config = $2::text) as ma, max(m) filter (where config = $3::text) as mb,
           max(n) filter (where config = $2::text) as na, max(n) filter (where config = $3::text) as nb,
           bool_and(bin) as bin
    from q group by fkey, benchmark, example_id
  )`;
}

/** "a right, b not" (and the reverse) as SQL over `p`, given whether the question's benchmark is graded. */
const A_ONLY = (graded: string) => `case when ${graded} then ma - mb > 1e-9 else ma >= 1 and mb < 1 end`;
const B_ONLY = (graded: string) => `case when ${graded} then mb - ma > 1e-9 else mb >= 1 and ma < 1 end`;

/**
 * Per scored dataset of the board: questions a and b both answered, and how many each gets right
 * and the other not. Stored per snapshot, board and sorted pair (view `compare-items`): the other
 * order swaps aOnly and bOnly.
 */
async function loadCounts(raw: RawClient, snapshotId: string, board: Board, a: string, b: string, keys: string[], provenance: string): Promise<ItemDiffDataset[]> {
  const [x, y] = a < b ? [a, b] : [b, a];
  const view = await getSnapshotView<ItemDiffDataset[]>(raw, "compare-items", `${COMPARE_VIEW_VERSION}|${board}|${x}|${y}`, async () => {
    const counts = await raw.query<{ fkey: string; benchmark: string; graded: boolean; shared: number; a_only: number; b_only: number }>(
      `${questionsCte(provenance)}, s as (
         select p.*, not bool_and(p.bin) over (partition by p.benchmark) as graded from p where p.ma is not null and p.mb is not null
       )
       select fkey, benchmark, bool_or(graded) as graded, count(*)::int as shared,
              (count(*) filter (where ${A_ONLY("graded")}))::int as a_only, (count(*) filter (where ${B_ONLY("graded")}))::int as b_only
       from s group by fkey, benchmark order by fkey`,
      [snapshotId, x, y, keys, board],
    );
    const slugs = [...new Set(counts.map((c) => c.benchmark))];
    const names = slugs.length ? await raw.query<{ slug: string; name: string }>(`select slug, name from benchmarks where slug = any($1::text[])`, [slugs]) : [];
    const nameOf = new Map(names.map((n) => [n.slug, n.name]));
    return counts.map((c) => ({
      key: c.fkey,
      label: datasetLabel(c.fkey),
      benchmark: c.benchmark,
      benchmarkName: nameOf.get(c.benchmark) ?? c.benchmark,
      graded: Boolean(c.graded),
      shared: Number(c.shared),
      aOnly: Number(c.a_only),
      bOnly: Number(c.b_only),
    }));
  });
  return a === x ? view.result : view.result.map((d) => ({ ...d, aOnly: d.bOnly, bOnly: d.aOnly }));
}

interface ListRow {
  fkey: string;
  benchmark: string;
  example_id: string;
  ma: number;
  mb: number;
  na: number;
  nb: number;
  graded: boolean;
}

interface AnswerRow {
  config: string;
  fkey: string;
  example_id: string;
  run_id: number;
  order_seed: number | null;
  repeat: number;
  rollout_index: number;
  reward: number | null;
  parsed_answer: string | null;
  chosen_text: string | null;
  gold: string | null;
  options: unknown;
  answer_text: string | null;
  excerpt: string | null;
}

/**
 * The questions where a is right and b is not (or the reverse), a page at a time, with counts per
 * dataset. Each page is stored per snapshot (view `compare-items-page`): it reads every rollout of
 * both configurations on the board (~0.3M at full scale, most of a second), and a snapshot never changes.
 */
export async function getItemDiff(params: ItemDiffParams, rawArg?: RawClient): Promise<ItemDiffView> {
  const raw = rawArg ?? (await getDbHandle()).raw;
  const benchmark = params.benchmark?.trim() || null;
  const subtask = params.subtask?.trim() || null;
  const size = Math.max(1, Math.min(200, Math.floor(params.size ?? ITEM_DIFF_PAGE_SIZE)));
  const cursor = decodeItemCursor(params.after);
  if (params.a === params.b) return computeItemDiff(raw, params, benchmark, subtask, size, cursor);
  const key = [COMPARE_VIEW_VERSION, params.board, params.a, params.b, params.dir, benchmark ?? "", subtask ?? "", size, cursor ? encodeItemCursor(cursor.datasetKey, cursor.exampleId) : ""]
    .map(String)
    .join("|");
  return (await getSnapshotView<ItemDiffView>(raw, "compare-items-page", key, () => computeItemDiff(raw, params, benchmark, subtask, size, cursor))).result;
}

async function computeItemDiff(
  raw: RawClient,
  params: ItemDiffParams,
  benchmark: string | null,
  subtask: string | null,
  size: number,
  cursor: { datasetKey: string; exampleId: string } | null,
): Promise<ItemDiffView> {
  const { board, a, b, dir } = params;
  const data = await getBoardData(raw, board, DEFAULT_LEADERBOARD_SETTINGS);
  const keys = data.result.datasets.map((d) => d.key);
  const empty: ItemDiffView = { a, b, dir, benchmark, subtask, datasets: [], totals: { shared: 0, aOnly: 0, bOnly: 0 }, rows: [], next: null, paged: cursor !== null, size };
  if (a === b || !keys.length) return empty;

  const provenance = data.provenanceSql;
  const datasets = await loadCounts(raw, data.snapshot.id, board, a, b, keys, provenance);
  const inFilter = datasets.filter((d) => (!benchmark || d.benchmark === benchmark) && (!subtask || d.key === subtask));
  const totals = {
    shared: inFilter.reduce((s, d) => s + d.shared, 0),
    aOnly: inFilter.reduce((s, d) => s + d.aOnly, 0),
    bOnly: inFilter.reduce((s, d) => s + d.bOnly, 0),
  };
  // Only the datasets with a question in this direction are read (the benchmark's graded flag comes from the stored counts).
  const wanted = inFilter.filter((d) => (dir === "a-only" ? d.aOnly : d.bOnly) > 0);
  if (!wanted.length) return { ...empty, datasets, totals };

  const args: unknown[] = [data.snapshot.id, a, b, wanted.map((d) => d.key), board, [...new Set(wanted.filter((d) => d.graded).map((d) => d.benchmark))]];
  const graded = "benchmark = any($6::text[])";
  const where = [`ma is not null and mb is not null`, dir === "a-only" ? A_ONLY(graded) : B_ONLY(graded)];
  if (cursor) {
    args.push(cursor.datasetKey, cursor.exampleId);
    const k = args.length - 1;
    where.push(`(fkey collate "C", length(example_id), example_id collate "C") > ($${k}::text collate "C", length($${k + 1}::text), $${k + 1}::text collate "C")`);
  }
  args.push(size + 1);
  const list = await raw.query<ListRow>(
    `${questionsCte(provenance)}
     select fkey, benchmark, example_id, ma, mb, na, nb, (${graded}) as graded
     from p where ${where.join(" and ")}
     order by fkey collate "C", length(example_id), example_id collate "C"
     limit $${args.length}`,
    args,
  );
  const page = list.slice(0, size);
  const next = list.length > size ? encodeItemCursor(page[page.length - 1].fkey, page[page.length - 1].example_id) : null;

  const answers = page.length
    ? await raw.query<AnswerRow>(
        `select distinct on (u.config_slug, d.folded_key, x.example_id)
                u.config_slug as config, d.folded_key as fkey, x.example_id, u.id as run_id, d.order_seed, d.repeat::int as repeat,
                x.rollout_index, x.reward, left(x.parsed_answer, 200) as parsed_answer, left(x.chosen_text, 300) as chosen_text,
                left(x.gold, 300) as gold, t.info -> 'options' as options, left(t.info ->> 'answer_text', 300) as answer_text,
                ${excerptSql("t.completion")} as excerpt
         from snapshot_runs sr
         join runs u on u.id = sr.run_id
         join datasets d on d.id = u.dataset_id
         join rollouts x on x.run_id = u.id
         join unnest($3::text[], $4::text[], $5::text[]) as k(fkey, benchmark, example_id)
           on k.fkey = d.folded_key and k.benchmark = d.benchmark_slug and k.example_id = x.example_id
         left join transcripts t on t.run_id = x.run_id and t.example_id = x.example_id and t.rollout_index = x.rollout_index
         where sr.snapshot_id = $1 and u.config_slug = any($2::text[]) ${provenance}
         order by u.config_slug, d.folded_key, x.example_id, d.order_seed nulls first, d.repeat, x.rollout_index`,
        [data.snapshot.id, [a, b], page.map((r) => r.fkey), page.map((r) => r.benchmark), page.map((r) => r.example_id)],
      )
    : [];
  const answerOf = new Map(answers.map((r) => [`${r.config}\u0000${r.fkey}\u0000${r.example_id}`, r]));
  const toAnswer = (r: AnswerRow | undefined): ItemAnswer | null =>
    r
      ? {
          runId: Number(r.run_id),
          rolloutIndex: Number(r.rollout_index),
          orderLabel: orderLabel(r.order_seed === null ? null : Number(r.order_seed), Number(r.repeat)),
          reward: r.reward === null ? null : Number(r.reward),
          parsedAnswer: r.parsed_answer,
          chosenText: r.chosen_text,
          excerpt: excerpt(r.excerpt, DETAIL_EXCERPT),
        }
      : null;
  const byKey = new Map(datasets.map((d) => [d.key, d]));

  const rows: ItemDiffRow[] = page.map((r) => {
    const ra = answerOf.get(`${a}\u0000${r.fkey}\u0000${r.example_id}`);
    const rb = answerOf.get(`${b}\u0000${r.fkey}\u0000${r.example_id}`);
    // The gold of the original order when either has it (A's first), else of whatever order A answered.
    const goldRow = [ra, rb].find((x) => x && x.order_seed === null) ?? ra ?? rb;
    const gold = goldRow?.gold ?? null;
    const options = infoOptions({ options: typeof goldRow?.options === "string" ? JSON.parse(goldRow.options) : goldRow?.options });
    const label = options ? labelOf(gold, options) : null;
    const goldText = goldRow?.answer_text ?? (label && options ? options[label] : null);
    const d = byKey.get(r.fkey);
    return {
      benchmark: r.benchmark,
      benchmarkName: d?.benchmarkName ?? r.benchmark,
      datasetKey: r.fkey,
      datasetLabel: datasetLabel(r.fkey),
      exampleId: r.example_id,
      graded: Boolean(r.graded),
      meanA: Number(r.ma),
      meanB: Number(r.mb),
      nA: Number(r.na),
      nB: Number(r.nb),
      gold,
      goldText: goldText && goldText !== gold ? goldText : null,
      answerA: toAnswer(ra),
      answerB: toAnswer(rb),
    };
  });

  return { a, b, dir, benchmark, subtask, datasets, totals, rows, next, paged: cursor !== null, size };
}
