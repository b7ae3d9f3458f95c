/**
 * The one set-up of the CLI's test files (cli-*.test.ts): runCli in-process with its output
 * captured, and the CLI as a real process (to prove the exit code and stderr reach the shell).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { runCli } from '../../electron/backend/cli/run';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** The CLI in-process with exactly these arguments: its exit code, stdout and stderr. */
export async function runCaptured(argv: string[], envVars: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += s), err: (s) => (err += s), env: envVars });
  return { code, out, err };
}

/**
 * A runner of the CLI in-process. Its tests read what the CLI says in English: `--locale en` is
 * added unless the command chose a locale or its verb is one of `keepDefault`, whose --locale also
 * picks the language of the data or file made (those read the default, Chinese, words).
 */
export function cliRunner(keepDefault: readonly string[] = []) {
  return (argv: string[], envVars: NodeJS.ProcessEnv = {}): Promise<CliResult> =>
    runCaptured(!argv.includes('--locale') && !keepDefault.includes(argv[0] ?? '') ? [...argv, '--locale', 'en'] : argv, envVars);
}

/** `npx tsx electron/backend/cli/main.ts ARGS --locale en` without $KEYPLAN_DB: its exit code and output. */
export function subprocess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'electron/backend/cli/main.ts', ...args, '--locale', 'en'], {
      cwd: ROOT,
      env: { ...process.env, KEYPLAN_DB: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
