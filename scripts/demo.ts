/**
 * `npm run demo`: the local engine, a day of simulated cluster logs, and the app on :3000.
 * Pass seed options through, e.g. `npm run demo -- --docs 1000000`.
 */
import { runStep } from './run-steps';

async function main(): Promise<void> {
  const seedArgs = process.argv.slice(2);
  const steps = [
    { name: 'engine', command: 'tsx', args: ['scripts/engine.ts', 'start'] },
    { name: 'seed', command: 'tsx', args: ['scripts/seed.ts', ...seedArgs] },
    { name: 'build', command: 'next', args: ['build'] },
  ];
  for (const step of steps) {
    const code = await runStep(step);
    if (code !== 0) {
      console.error(`demo: step "${step.name}" failed (exit ${code})`);
      process.exit(code);
    }
  }
  console.log('\nLog Explorer: http://localhost:3000  (Ctrl-C stops the app; `npm run engine:stop` stops the engine)');
  process.exit(await runStep({ name: 'app', command: 'next', args: ['start', '-p', process.env.PORT ?? '3000'] }));
}

void main();
