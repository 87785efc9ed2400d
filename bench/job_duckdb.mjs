// The benchmark job with DuckDB (@duckdb/node-api): the same SQL as SQLite's.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

const [measures, tasks, sqlPath] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const csv = (path) => `read_csv('${path}', delim=';', header=true, quote='"', escape='"', all_varchar=true)`;
await db.run(`CREATE TABLE m AS SELECT * FROM ${csv(measures)}`);
await db.run(`CREATE TABLE t AS SELECT * FROM ${csv(tasks)}`);
const reader = await db.runAndReadAll(readFileSync(sqlPath, 'utf8'));
const counts = {};
const order = { waiting: 0, in_progress: 1, implemented: 2 };
for (const [field, status, n] of reader.getRows()) {
  counts[field] ??= [0, 0, 0];
  counts[field][order[status]] = Number(n);
}
console.log(JSON.stringify(counts));
