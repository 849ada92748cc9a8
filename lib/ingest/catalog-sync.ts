/** Upsert the in-repo catalog (benchmarks, models, configs, suite datasets) into the database. */
import { benchmarks, configs, models } from "../catalog";
import type { RawTx } from "../db/raw";

const json = (v: unknown) => JSON.stringify(v);

export async function syncCatalog(tx: RawTx): Promise<void> {
  for (const [i, b] of benchmarks.entries()) {
    await tx.query(
      `insert into benchmarks (slug, name, subset, in_thirty, medmarks_t, task_type, metric, judged, n_questions,
         n_training, license, description, url, bibtex, has_order_variants, in_catalog, sort_order)
       values ($1,$2,$3,$4,$5,$6,$7::jsonb,$8,$9,$10,$11,$12,$13,$14,$15,true,$16)
       on conflict (slug) do update set name=excluded.name, subset=excluded.subset, in_thirty=excluded.in_thirty,
         medmarks_t=excluded.medmarks_t, task_type=excluded.task_type, metric=excluded.metric, judged=excluded.judged,
         n_questions=excluded.n_questions, n_training=excluded.n_training, license=excluded.license,
         description=excluded.description, url=excluded.url, bibtex=excluded.bibtex,
         has_order_variants=excluded.has_order_variants, in_catalog=true, sort_order=excluded.sort_order`,
      [b.slug, b.name, b.subset, b.inThirty, b.medmarksT, b.taskType, json(b.metric), b.judged, b.nQuestions,
        b.nTraining, b.license, b.description, b.url, b.bibtex, b.hasOrderVariants, i],
    );
    for (const v of b.variants) {
      await tx.query(
        `insert into datasets (benchmark_slug, env_id, variant_id, subtask, order_seed, repeat, key, folded_key, n_questions)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9)
         on conflict (benchmark_slug, env_id, variant_id) do update set subtask=excluded.subtask,
           order_seed=excluded.order_seed, repeat=excluded.repeat, key=excluded.key,
           folded_key=excluded.folded_key, n_questions=excluded.n_questions`,
        [b.slug, v.envId, v.variantId, v.subtask, v.orderSeed, v.repeat, `${v.envId}::${v.variantId}`, `${v.envId}::${v.subtask}`, v.nQuestions],
      );
    }
  }
  // Models first without base links (a base may come later in the list), then the links.
  for (const m of models) {
    await tx.query(
      `insert into models (id, provider_id, org, display_name, "group", params_b, active_params_b, reasoning, open_weights, in_catalog)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,true)
       on conflict (id) do update set provider_id=excluded.provider_id, org=excluded.org,
         display_name=excluded.display_name, "group"=excluded."group", params_b=excluded.params_b,
         active_params_b=excluded.active_params_b, reasoning=excluded.reasoning,
         open_weights=excluded.open_weights, in_catalog=true`,
      [m.id, m.providerId, m.org, m.displayName, m.group, m.paramsB, m.activeParamsB, m.reasoning, m.openWeights],
    );
  }
  for (const m of models) {
    await tx.query(`update models set base_model_id = $2 where id = $1`, [m.id, m.baseModelId]);
  }
  for (const c of configs) {
    await tx.query(
      `insert into configs (slug, model_id, reasoning_effort, display_name, sampling_args, in_catalog)
       values ($1,$2,$3,$4,$5::jsonb,true)
       on conflict (slug) do update set model_id=excluded.model_id, reasoning_effort=excluded.reasoning_effort,
         display_name=excluded.display_name, sampling_args=excluded.sampling_args, in_catalog=true`,
      [c.alias, c.modelId, c.reasoningEffort, c.displayName, json(c.samplingArgs)],
    );
  }
}
