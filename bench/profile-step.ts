/**
 * Profile one bench step: set it up, then run only its timed call, so a CPU profile shows
 * the step and not the data generation around it.
 *   node --cpu-prof --cpu-prof-dir=prof --import tsx bench/profile-step.ts reconcile DIR ROWS [SEED]
 * DIR is a prepared bench directory (see `npm run bench`, which prints it).
 */
import { setUpStep, STEP_NAMES, type StepName } from './steps';

async function main(): Promise<void> {
  const [name, dir, rows, seed] = process.argv.slice(2);
  if (!STEP_NAMES.includes(name as StepName)) throw new Error(`unknown step ${name}; steps are ${STEP_NAMES.join(', ')}`);
  const setup = await setUpStep(name as StepName, { dir, rows: Number(rows), seed: Number(seed ?? 20251231) });
  const start = performance.now();
  const detail = await setup.run();
  process.stdout.write(`${name}: ${detail} in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
}

main().catch((e) => {
  process.stderr.write(String((e as Error).stack ?? e) + '\n');
  process.exit(1);
});
