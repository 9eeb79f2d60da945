// duckdb-count.mjs: DuckDB's answer to the benchmark's question, for
// bench/compare.sh.  Counts a bed-record file's rows by LA, snapshot date and
// status, and prints them as CSV sorted by the three (la_code,
// snapshot_date, status, n): the same lines compare.sh makes of the other
// tools' answers.  Prints "query SECONDS" on standard error.
//
//   node duckdb-count.mjs THREADS FILE
//
// compare.sh copies this file beside @duckdb/node-api's node_modules (in
// bench/data/node, installed with npm ci from bench/package-lock.json), as
// Node resolves an import from the importing file's folder.
import { DuckDBInstance } from '@duckdb/node-api';

const [threads, file] = process.argv.slice(2);
if (!threads || !file) {
	console.error('usage: node duckdb-count.mjs THREADS FILE');
	process.exit(2);
}
// The query's own time, from opening the database to the last row, goes to
// standard error: compare.sh reports it beside the whole process's.
const t0 = performance.now();
const instance = await DuckDBInstance.create(':memory:', { threads });
const conn = await instance.connect();
// The grouping is DuckDB's; the casts only make the few output rows print
// as the file wrote them.
const reader = await conn.runAndReadAll(
	`SELECT la_code::VARCHAR, snapshot_date::VARCHAR, status, count(*)::VARCHAR
	 FROM read_csv(${"'" + file.replaceAll("'", "''") + "'"})
	 GROUP BY ALL ORDER BY ALL`);
const lines = reader.getRows().map((r) => r.join(','));
console.error(`query ${((performance.now() - t0) / 1000).toFixed(4)}`);
process.stdout.write('la_code,snapshot_date,status,n\n' + lines.join('\n') + '\n');
