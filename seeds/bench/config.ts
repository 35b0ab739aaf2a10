/**
 * The benchmark's fixed inputs, shared by the generator and the runner (no app imports here, so
 * the runner stays a plain client of the server it measures).
 */

/** "Today" for the generated data and the server under test (HORIZON_TODAY): a fixed Monday. */
export const BENCH_TODAY = '2026-11-16';
export const BENCH_SEED = 'horizon';
export const BENCH_SCALES = [0.1, 1] as const;
export const BENCH_DIR = 'tmp/bench';
/** Bump when the generated data changes shape, so cached benchmark databases are rebuilt. */
export const GENERATOR_VERSION = 2;

/** The SQLite file of one scale, and the summary the generator writes beside it. */
export const benchDatabaseFile = (scale: number) => `${BENCH_DIR}/horizon-scale-${scale}.sqlite`;
export const summaryFileOf = (databaseFile: string) => `${databaseFile}.json`;
