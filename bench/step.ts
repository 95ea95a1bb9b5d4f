/**
 * Run one bench step in this process and print one JSON line: the timed call's wall time,
 * this process's peak RSS (which includes the loaded inputs, as pandas' does), and what
 * the call did, and its CPU time (user + system, all threads). `bench/run.ts` starts one of these per step so peaks do not mix.
 */
import { setUpStep, STEP_NAMES, type StepName } from './steps';

async function main(): Promise<void> {
  const [name, dir, rows, seed] = process.argv.slice(2);
  if (!STEP_NAMES.includes(name as StepName)) throw new Error(`unknown step ${name}`);
  const setup = await setUpStep(name as StepName, { dir, rows: Number(rows), seed: Number(seed) });
  const inputRss = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const detail = await setup.run();
  const ms = performance.now() - start;
  // CPU time (user + system) says what the step costs even on a machine busy with other work.
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  process.stdout.write(JSON.stringify({ ms, cpuMs, peakRssMB: process.resourceUsage().maxRSS / 1024, inputRssMB: inputRss / 2 ** 20, detail }) + '\n');
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ error: String((e as Error).message ?? e).split('\n')[0].slice(0, 200) }) + '\n');
  process.exit(1);
});
