import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { MISSING } from "@/lib/format";

import { SPEC_VECTOR, workedExample } from "./worked-example";

/** Up to five decimals, trailing zeros dropped: 0.5833333 → "0.58333", 0.5 → "0.5". */
const num = (x: number | null | undefined, d = 5) => (x === null || x === undefined || Number.isNaN(x) ? MISSING : String(Number(x.toFixed(d))));

const DATASETS = Object.keys(SPEC_VECTOR) as (keyof typeof SPEC_VECTOR)[];

/** The spec's test vector (§3), scored by lib/scoring at render time, with the other worked figures of METHODS.md. */
export function WorkedExampleSection() {
  const ex = workedExample();
  const r = ex.perModel;
  const cell = (config: string, dataset: string) => r.cells.find((c) => c.config === config && c.dataset === dataset);
  return (
    <div className="space-y-4" data-testid="worked-example">
      <p>
        The spec&apos;s test vector: two datasets of three questions each (one reward per question; — = no reward). Configuration a ran
        both, b only the first, c only the second.
      </p>
      <Table containerClassName="rounded-lg border max-w-2xl" scrollLabel="Test vector: rewards per configuration and dataset">
        <caption className="sr-only">Rewards of the test vector</caption>
        <TableHeader>
          <TableRow>
            <TableHead>Dataset</TableHead>
            <TableHead>Configuration</TableHead>
            <TableHead numeric>q1</TableHead>
            <TableHead numeric>q2</TableHead>
            <TableHead numeric>q3</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {DATASETS.flatMap((d) =>
            Object.entries(SPEC_VECTOR[d] as Record<string, readonly (number | null)[]>).map(([config, rewards]) => (
              <TableRow key={`${d}-${config}`}>
                <TableCell className="font-mono text-xs">{d}</TableCell>
                <TableCell className="font-mono">{config}</TableCell>
                {rewards.map((v, i) => (
                  <TableCell key={i} numeric>
                    {num(v)}
                  </TableCell>
                ))}
              </TableRow>
            )),
          )}
        </TableBody>
      </Table>
      <p>
        With the default coverage (all-models) both datasets are dropped: each lacks a configuration ({ex.allModels.dropped
          .map((d) => `${d.dataset} lacks ${d.missing.join(", ")}`)
          .join("; ")}
        ), so nobody is ranked. With per-model coverage each configuration averages over the datasets it has:
      </p>
      <Table containerClassName="rounded-lg border max-w-3xl" scrollLabel="Per-model coverage results of the test vector" data-testid="worked-example-result">
        <caption className="sr-only">Per-model coverage results of the test vector</caption>
        <TableHeader>
          <TableRow>
            <TableHead>Configuration</TableHead>
            {DATASETS.map((d) => (
              <TableHead key={`r-${d}`} numeric>
                avg reward {d.split("::")[0]}
              </TableHead>
            ))}
            {DATASETS.map((d) => (
              <TableHead key={`w-${d}`} numeric>
                win rate {d.split("::")[0]}
              </TableHead>
            ))}
            <TableHead numeric>mean win rate</TableHead>
            <TableHead numeric>rank</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {r.configs.map((c) => (
            <TableRow key={c.config}>
              <TableCell className="font-mono">{c.config}</TableCell>
              {DATASETS.map((d) => (
                <TableCell key={`r-${d}`} numeric>
                  {num(cell(c.config, d)?.avgReward)}
                </TableCell>
              ))}
              {DATASETS.map((d) => (
                <TableCell key={`w-${d}`} numeric>
                  {num(cell(c.config, d)?.winRate)}
                </TableCell>
              ))}
              <TableCell numeric data-config={c.config} data-stat="mean-win-rate">
                {num(c.simpleMean)}
              </TableCell>
              <TableCell numeric>{c.rank ?? MISSING}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          On dataset_one, a beats b on q1 and q3 and loses q2: wr(a, b) = {num(ex.wr(r, "a", "b", "dataset_one::base"))} (2 of 3), and wr(b, a) =
          1 − wr(a, b) = {num(ex.wr(r, "b", "a", "dataset_one::base"))}.
        </li>
        <li>
          On dataset_two, a has no reward on q2, so it loses q2 (−∞); it wins q1 and ties q3 (0.5 = 0.5): wr(a, c) ={" "}
          {num(ex.wr(r, "a", "c", "dataset_two::base"))} = (1 + 0 + ½) / 3.
        </li>
        <li>
          a&apos;s mean win rate is the mean over its two datasets, (2/3 + 1/2) / 2 = {num(r.configs.find((c) => c.config === "a")?.simpleMean)}.
          Both datasets have 3 questions, so the ln(n)-weighted mean is the same number.
        </li>
        <li>
          a&apos;s average reward on dataset_two skips the missing reward: (0.2 + 0.5) / 2 = {num(cell("a", "dataset_two::base")?.avgReward)} —
          a missing answer loses a comparison but is not a zero in the score.
        </li>
        <li>
          Ties within ε: a = {"{"}0.1, 0.3{"}"} against b = {"{"}0, 0{"}"} with ε = 0.1 gives wr(a, b) = {num(ex.epsilon.wr)} (q1 differs by
          exactly ε: a tie); with the default ε = 10⁻⁹ it is {num(ex.epsilon.wrDefault)}.
        </li>
      </ul>
    </div>
  );
}

/** The paired-test examples of METHODS.md, computed by lib/scoring. */
export function PairedExamples() {
  const ex = workedExample();
  return (
    <ul className="list-disc space-y-1 pl-5" data-testid="paired-examples">
      <li>
        McNemar: with b = {ex.mcnemar.b} question where only the first configuration is right and c = {ex.mcnemar.c} where only the second
        is, p = 2·P(X ≤ 1) for X ~ Binomial(10, ½) = 2·11/1024 = <span className="font-mono">{ex.mcnemar.p}</span> (mid-p{" "}
        <span className="font-mono">{ex.mcnemar.midP}</span>).
      </li>
      <li>
        Holm: p-values [{ex.holm.input.join(", ")}] are adjusted to [{ex.holm.adjusted.map((p) => (p === null ? "—" : num(p, 10))).join(", ")}]
        (returned in input order).
      </li>
    </ul>
  );
}
