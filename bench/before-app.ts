/**
 * The app as it was before a change, for before/after benches: a detached git worktree of `ref`
 * beside this one (under the system temp folder, kept and reused between runs), its own packages
 * from its own lockfile (`npm ci`, from the npm cache where it can; Turbopack refuses a
 * node_modules linked from elsewhere), built once with `next build`, started with `next start`
 * over the bench dataset.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, stepEnv } from '../scripts/run-steps';
import { BENCH_SOURCES, launchApp } from './bench-app';

export async function startAppAt(
  ref: string,
  port: number,
  extraEnv: Record<string, string> = {},
  onLogLine?: (line: string) => void,
): Promise<{ url: string; commit: string; stop: () => void }> {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = path.join(os.tmpdir(), `log-explorer-bench-${commit}`);
  if (!existsSync(dir)) execFileSync('git', ['worktree', 'add', '--detach', dir, commit], { cwd: ROOT, stdio: 'inherit' });
  const modules = path.join(dir, 'node_modules');
  if (lstatSync(modules, { throwIfNoEntry: false })?.isSymbolicLink()) rmSync(modules);
  if (!existsSync(path.join(modules, 'next', 'package.json'))) {
    execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  }
  const env = {
    ...stepEnv({ LOG_SOURCES: BENCH_SOURCES, ...extraEnv }),
    PATH: `${path.join(modules, '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
  };
  if (!existsSync(path.join(dir, '.next', 'BUILD_ID'))) {
    console.log(`building ${commit} in ${dir} …`);
    execFileSync('next', ['build'], { cwd: dir, env, stdio: 'inherit' });
  }
  return { ...(await launchApp(dir, env, port, onLogLine)), commit };
}
