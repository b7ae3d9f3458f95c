/**
 * The CLI's own layout (issue 13, item 4): verbs import the CLI's helper modules (flags, lookup,
 * files, say ...), shared/ and the backend - never each other nor run.ts - and there is no import
 * circle inside electron/backend/cli.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = path.resolve(import.meta.dirname, '../../electron/backend/cli');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The files under cli/ that `file` imports (relative imports, `import` and `export ... from`). */
function importsOf(file: string, files: readonly string[]): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gm)) {
    const target = path.resolve(path.dirname(file), m[1]!);
    const hit = [`${target}.ts`, path.join(target, 'index.ts')].find((c) => files.includes(c));
    if (hit) out.push(hit);
  }
  return out;
}

const rel = (p: string) => path.relative(CLI, p);

describe('the CLI layout', () => {
  const files = sources(CLI);
  const graph = new Map(files.map((f) => [f, importsOf(f, files)]));

  it('finds the modules and their imports', () => {
    expect(files.map(rel)).toEqual(expect.arrayContaining(['run.ts', 'flags.ts', 'lookup.ts', 'files.ts', 'verb.ts', 'verbs/index.ts', 'verbs/accounts.ts']));
    expect(graph.get(path.join(CLI, 'run.ts'))!.map(rel)).toEqual(expect.arrayContaining(['flags.ts', 'verbs/index.ts']));
  });

  it('a verb imports no other verb and not run.ts (only verbs/index.ts gathers them)', () => {
    const wrong = files
      .filter((f) => rel(f).startsWith('verbs/') && rel(f) !== 'verbs/index.ts')
      .flatMap((f) => graph.get(f)!.filter((t) => rel(t).startsWith('verbs/') || rel(t) === 'run.ts').map((t) => `${rel(f)} -> ${rel(t)}`));
    expect(wrong).toEqual([]);
  });

  it('no module outside verbs/ and run.ts imports a verb or run.ts', () => {
    const wrong = files
      .filter((f) => !rel(f).startsWith('verbs/') && rel(f) !== 'run.ts' && rel(f) !== 'main.ts')
      .flatMap((f) => graph.get(f)!.filter((t) => rel(t).startsWith('verbs/') || rel(t) === 'run.ts').map((t) => `${rel(f)} -> ${rel(t)}`));
    expect(wrong).toEqual([]);
  });

  it('has no import circle', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const t of graph.get(f)!) {
        if (state.get(t) === 'open') circles.push([...stack.slice(stack.indexOf(t)), t].map(rel).join(' -> '));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(circles).toEqual([]);
  });
});
