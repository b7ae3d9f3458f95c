// @ts-check
// The import graph behind the keyplan/no-cycle lint rule (see .config/lint/plugin.js).
//
// Files are parsed with the TypeScript compiler (no type checking) and imports resolved the way
// tsc resolves them (moduleResolution "Bundler"), so `../x`, `../x/index` and `../x.ts` are one file.
// Only run-time imports count: `import type { … }`, `export type { … }` and imports whose every name
// is marked `type` vanish from the compiled JavaScript, so they cannot make a circle at run time.
// Dynamic `import('…')` counts (a circle through it still couples the two modules).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const options = /** @type {ts.CompilerOptions} */ ({
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  resolveJsonModule: true,
});

/** @typedef {{ target: string, line: number, column: number, specifier: string }} Edge */

/** @type {Map<string, { mtime: number, edges: Edge[] }>} file → its run-time imports of source files */
const cache = new Map();

const countTypes = true;

/**
 * The run-time imports of one file that resolve to a source file (never into node_modules).
 * @param {string} file absolute path
 * @returns {Edge[]}
 */
export function importsOf(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return [];
  }
  const hit = cache.get(file);
  if (hit && hit.mtime === stat.mtimeMs) return hit.edges;
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  /** @type {Edge[]} */
  const edges = [];
  /** @param {ts.Node} at @param {string} specifier */
  const add = (at, specifier) => {
    if (!specifier.startsWith('.') && !path.isAbsolute(specifier)) return; // a package
    const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule;
    if (!resolved || resolved.isExternalLibraryImport || resolved.resolvedFileName.endsWith('.d.ts')) return;
    const { line, character } = source.getLineAndCharacterOfPosition(at.getStart(source));
    edges.push({ target: path.resolve(resolved.resolvedFileName), line: line + 1, column: character, specifier });
  };
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly || countTypes) add(node, node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const typeOnly =
        node.isTypeOnly || (clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly));
      if (!typeOnly || countTypes) add(node, node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      add(node, node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  cache.set(file, { mtime: stat.mtimeMs, edges });
  return edges;
}

/**
 * The import circle that `file` is part of, if any: the strongly connected component of the graph
 * reachable from `file` that holds it (Tarjan). Returns the set of files in it, or an empty set.
 * @param {string} file absolute path
 * @returns {Set<string>}
 */
export function cycleOf(file) {
  file = path.resolve(file);
  /** @type {Map<string, number>} */ const index = new Map();
  /** @type {Map<string, number>} */ const low = new Map();
  /** @type {string[]} */ const stack = [];
  const onStack = new Set();
  let next = 0;
  /** @type {Set<string>} */
  let found = new Set();
  // Iterative Tarjan: deep chains of imports must not overflow the call stack.
  /** @param {string} root */
  const strongconnect = (root) => {
    /** @type {{ node: string, edges: Edge[], i: number }[]} */
    const work = [{ node: root, edges: importsOf(root), i: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = /** @type {{ node: string, edges: Edge[], i: number }} */ (work[work.length - 1]);
      if (top.i < top.edges.length) {
        const w = /** @type {Edge} */ (top.edges[top.i++]).target;
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, edges: importsOf(w), i: 0 });
        } else if (onStack.has(w)) {
          low.set(top.node, Math.min(/** @type {number} */ (low.get(top.node)), /** @type {number} */ (index.get(w))));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(/** @type {number} */ (low.get(parent.node)), /** @type {number} */ (low.get(top.node))));
      if (low.get(top.node) === index.get(top.node)) {
        const component = new Set();
        let w;
        do {
          w = /** @type {string} */ (stack.pop());
          onStack.delete(w);
          component.add(w);
        } while (w !== top.node);
        if (component.has(file)) found = component;
      }
    }
  };
  strongconnect(file);
  const selfImport = importsOf(file).some((e) => e.target === file);
  return found.size > 1 || selfImport ? found : new Set();
}

/**
 * One shortest circle from `file` back to itself inside its component, for the error message.
 * @param {string} file absolute path
 * @param {string} first the import of `file` that starts the walk
 * @param {Set<string>} component
 * @returns {string[]} files from `file` to `file`
 */
export function circleThrough(file, first, component) {
  file = path.resolve(file);
  if (first === file) return [file, file];
  /** @type {Map<string, string>} the file that imports each file on the walk */
  const from = new Map([[first, file]]);
  const queue = [first];
  while (queue.length > 0 && !from.has(file)) {
    const at = /** @type {string} */ (queue.shift());
    for (const e of importsOf(at)) {
      if (!component.has(e.target) || from.has(e.target)) continue;
      from.set(e.target, at);
      queue.push(e.target);
    }
  }
  /** @type {string[]} */
  const chain = [file];
  let at = from.get(file);
  while (at !== undefined && at !== file) {
    chain.unshift(at);
    at = from.get(at);
  }
  chain.unshift(file);
  return chain;
}
