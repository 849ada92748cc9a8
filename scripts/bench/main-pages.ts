// The site's main pages for an anonymous visitor, with the ids they need (a configuration, a run, a
// sample, a question) found on the running server. Shared by the Lighthouse benchmark and the
// accessibility browser test.
import { discover, getText, matches } from "./server";

/** `[label, path]` for every main page an anonymous visitor sees. */
export async function mainPages(baseURL: string): Promise<[string, string][]> {
  const { configs, runId, exampleId } = await discover(baseURL);
  const samplePath = `/runs/${runId}/samples/${encodeURIComponent(exampleId)}`;
  const question = matches(await getText(`${baseURL}${samplePath}`), /href="(\/benchmarks\/[^"]+\/questions\/[^"]+)"/g)[0];
  if (!question) throw new Error(`no question link on ${samplePath}`);
  return [
    ["leaderboard V", "/"],
    ["leaderboard OE", "/?board=OE"],
    ["benchmarks", "/benchmarks"],
    ["benchmark", "/benchmarks/medqa"],
    ["question", question.replaceAll("&amp;", "&")],
    ["models", "/models"],
    ["model", `/models/${configs[0]}`],
    ["run", `/runs/${runId}`],
    ["sample", samplePath],
    ["compare", `/compare?configs=${configs[0]},${configs[1]}`],
    ["efficiency", "/efficiency"],
    ["order bias", "/order-bias"],
    ["head-to-head", "/head-to-head"],
    ["medical", "/medical"],
    ["changelog", "/changelog"],
    ["methodology", "/methodology"],
    ["data", "/data"],
    ["api docs", "/docs/api"],
    ["sign in", "/signin"],
  ];
}
