/**
 * The raw client under drizzle, for what the query builder cannot do: bulk COPY and one
 * transaction spanning many statements during an ingest. Both drivers implement it.
 */
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { Sql, TransactionSql } from "postgres";

export interface RawTx {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY rows into `table(columns)` from CSV text chunks (each chunk whole lines). */
  copyCsv(table: string, columns: string[], csv: string): Promise<void>;
}

export interface RawClient extends RawTx {
  transaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T>;
}

const copySql = (table: string, columns: string[], source: string) =>
  `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) FROM ${source} WITH (FORMAT csv)`;

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function pgliteTx(tx: PGlite | Transaction): RawTx {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      const res = await tx.query<T>(text, params);
      return res.rows;
    },
    async copyCsv(table, columns, csv) {
      await tx.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
    },
  };
}

export function pgliteRaw(pg: PGlite): RawClient {
  return {
    ...pgliteTx(pg),
    transaction: (fn) => pg.transaction((tx) => fn(pgliteTx(tx))),
  };
}

function postgresTx(sql: Sql | TransactionSql): RawTx {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      const rows = await sql.unsafe(text, params as never[]);
      return rows as unknown as T[];
    },
    async copyCsv(table, columns, csv) {
      const stream = await sql.unsafe(copySql(table, columns, "STDIN")).writable();
      await new Promise<void>((resolve, reject) => {
        stream.on("error", reject);
        stream.on("finish", resolve);
        stream.end(csv);
      });
    },
  };
}

export function postgresRaw(sql: Sql): RawClient {
  return {
    ...postgresTx(sql),
    transaction: async (fn) => (await sql.begin((tx) => fn(postgresTx(tx)))) as never,
  };
}
