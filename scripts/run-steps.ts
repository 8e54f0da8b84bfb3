/** Runs shell steps one after another with the project's Node 24 first on PATH; and whether an engine answers. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

export interface Step {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string | undefined>;
}

export function stepEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const bin = path.join(ROOT, 'node_modules', '.bin');
  // Next.js would otherwise try to send anonymous telemetry from every build and server.
  return { NEXT_TELEMETRY_DISABLED: '1', ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, ...extra };
}

export function runStep(step: Step): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: ROOT, stdio: 'inherit', env: stepEnv(step.env) });
    child.on('error', (err) => {
      console.error(`${step.name}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Whether an engine answers its cluster health at `url` within 2 s (the engine runners' "is it up"). */
export async function engineAnswers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/_cluster/health`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}
