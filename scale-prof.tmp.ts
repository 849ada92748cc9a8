import { openDb } from "./lib/db";
import { getOrderBias } from "./lib/queries/order-bias";
const h = await openDb({ url: "postgres://postgres@127.0.0.1:5432/scale_big" });
const t0 = Date.now();
const v = await getOrderBias({ board: "V", data: (process.argv[2] ?? "all") as "all" }, h.raw);
console.log("order bias", Date.now() - t0, "ms", v.configs.length, v.cells.length);
await h.raw.query(`delete from snapshot_views where view = 'order-bias' and params_key like '%|all'`);
await h.close();
