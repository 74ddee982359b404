// The benchmark's figures as data: every part records each measurement here beside its console
// table, and bench/index.ts writes them to bench/results.json at the end, so a script can compare
// runs (one object per measurement; the file is not committed).
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";

export type Result = {
  name: string;
  value: number;
  unit: string;
  /** The target in words, e.g. "<= 25 ms". */
  target: string;
  met: boolean;
  cores: number;
  date: string;
};

const results: Result[] = [];
const date = new Date().toISOString();

/** Records one measurement against its target. */
export function record(name: string, value: number, unit: string, target: string, met: boolean) {
  results.push({ name, value: Number(value.toFixed(3)), unit, target, met, cores: availableParallelism(), date });
}

/** Writes what was recorded to bench/results.json; returns the file's path. */
export function writeResults(file = path.join(import.meta.dirname, "results.json")) {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
