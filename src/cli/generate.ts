/**
 * `generate`: a province-year of simulated dossiers (the dossiers module's simulator), then the IOC
 * rollups rebuilt from them (generated dossiers do not go through the outbox).
 */
import type { Database } from '../db/index.ts';
import { generateDossiers, type GenerateDossiersOptions, type GenerateDossiersResult } from '../modules/dossiers/index.ts';
import { rebuildRollups, type RebuildResult } from '../modules/ioc/index.ts';

export interface GenerateOptions extends Omit<GenerateDossiersOptions, 'progress'> {
  progress?: (phase: 'dossiers' | 'rollups', done: number, total: number) => void;
}

export interface GenerateResult extends GenerateDossiersResult {
  rebuild: RebuildResult;
}

/** Generates the dossiers, then rebuilds the rollups; `seconds` counts both. */
export async function generate(database: Database, opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const { progress, ...rest } = opts;
  const made = await generateDossiers(database, { ...rest, progress: progress && ((phase, done, total) => progress(phase, done, total)) });
  const rebuild = await rebuildRollups(database.db, { progress: progress && ((done, total) => progress('rollups', done, total)) });
  return { ...made, seconds: Math.round((performance.now() - started) / 100) / 10, rebuild };
}
