// @ts-check
// Keyplan's own lint rules (wired in .config/eslint.config.js; tested in test/unit/lint-rules.test.ts).
//
//   keyplan/no-cycle          no import circle: a file may not import (directly or through others)
//                             a file that imports it back. Type-only imports count too: a circle of
//                             types still ties the files into one unit that cannot be understood or
//                             moved apart.
//   keyplan/allowed-packages  each layer names the npm packages it may import; any other package
//                             (or a Node built-in not written `node:…` and allowed) is an error until
//                             it is added to that layer's list in the config.
import path from 'node:path';
import { circleThrough, cycleOf, importsOf } from './import-graph.js';

/** @typedef {import('eslint').Rule.RuleModule} RuleModule */

/** @type {RuleModule} */
const noCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import circles between source files' },
    schema: [],
    messages: { cycle: 'Import circle: {{circle}}. Move what both sides need into a module that neither imports.' },
  },
  create(context) {
    const file = path.resolve(context.filename);
    return {
      Program() {
        const component = cycleOf(file);
        if (component.size === 0) return;
        const cwd = context.cwd;
        for (const edge of importsOf(file)) {
          if (!component.has(edge.target)) continue;
          const circle = circleThrough(file, edge.target, component)
            .map((f) => path.relative(cwd, f))
            .join(' → ');
          context.report({
            loc: { start: { line: edge.line, column: edge.column }, end: { line: edge.line, column: edge.column + 1 } },
            messageId: 'cycle',
            data: { circle },
          });
        }
      },
    };
  },
};

/**
 * The package a bare import specifier names: `@scope/name` or `name`; `node:fs/promises` → `node:fs`.
 * @param {string} specifier
 * @returns {string | null} null for a relative or absolute path
 */
export function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : /** @type {string} */ (parts[0]);
}

/**
 * @param {string} name a package name from packageOf
 * @param {string[]} allow entries: a package name, `@scope/*` or `node:*`
 */
function allowed(name, allow) {
  return allow.some((a) => (a.endsWith('/*') || a.endsWith(':*') ? name.startsWith(a.slice(0, -1)) : name === a));
}

/** @type {RuleModule} */
const allowedPackages = {
  meta: {
    type: 'problem',
    docs: { description: "Allow only the packages listed for a layer" },
    schema: [
      {
        type: 'object',
        properties: { layer: { type: 'string' }, allow: { type: 'array', items: { type: 'string' } } },
        required: ['layer', 'allow'],
        additionalProperties: false,
      },
    ],
    messages: {
      notAllowed: "'{{name}}' is not on {{layer}}'s list of packages. Add it to that list in .config/eslint.config.js if this layer should depend on it.",
    },
  },
  create(context) {
    const { layer, allow } = /** @type {{ layer: string, allow: string[] }} */ (context.options[0]);
    /** @param {import('estree').Node | null | undefined} source */
    const check = (source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const name = packageOf(source.value);
      if (name !== null && !allowed(name, allow)) context.report({ node: source, messageId: 'notAllowed', data: { name, layer } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default {
  meta: { name: 'keyplan' },
  rules: { 'no-cycle': noCycle, 'allowed-packages': allowedPackages },
};
