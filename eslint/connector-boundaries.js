// @ts-check
/**
 * Keeps a connector inside its own folder: besides npm packages, it may import its own files and the connector
 * kit, nothing else of synthnlu and never another connector. Built-ins reach the kit by a relative path
 * (src/connector-kit.ts); a plugin package by its public name, synthnlu/connector-kit.
 *
 * Options: {roots: ['connectors/*'], kit: 'src/connector-kit.ts'}. Each root glob's last segment is one
 * connector's folder; a file in the parent folder itself (connectors/index.ts, the built-in list) may import
 * every connector's folder.
 */
import {dirname, relative, resolve, sep} from 'node:path';

const KIT_PACKAGE = 'synthnlu/connector-kit';
// The conformance suite loads every built-in connector to check one next to them: a connector's tests may
// import it, its run-time code may not (or the kit's user would load the built-ins).
const CONFORMANCE_PACKAGE = 'synthnlu/conformance';

/** @type {import('eslint').Rule.RuleModule} */
export const connectorBoundaries = {
  meta: {
    type: 'problem',
    docs: {description: 'connectors import only the connector kit and their own folder'},
    schema: [
      {
        type: 'object',
        properties: {parents: {type: 'array', items: {type: 'string'}}, kit: {type: 'string'}},
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    /** @type {{parents?: string[]; kit?: string}} */
    const options = context.options[0] ?? {};
    const cwd = context.cwd;
    const parents = (options.parents ?? ['connectors']).map((p) => resolve(cwd, p));
    const kit = resolve(cwd, options.kit ?? 'src/connector-kit.ts');
    const file = context.filename;
    const parent = parents.find((p) => file.startsWith(p + sep));
    if (!parent) return {};
    const inside = relative(parent, file).split(sep);
    // connectors/<name>/... is one connector; connectors/index.ts lists them all.
    const own = inside.length > 1 ? resolve(parent, inside[0] ?? '') : parent;
    const isTestFile = inside.includes('test') || /\.test\.[cm]?[jt]s$/.test(file);

    /** @param {import('estree').Node} node @param {unknown} value */
    function check(node, value) {
      if (typeof value !== 'string') return;
      if (value.startsWith('.')) {
        const target = resolve(dirname(file), value).replace(/\.js$/, '.ts');
        if (target === kit) return;
        if (target === own || target.startsWith(own + sep)) return;
        const other = target.startsWith(parent + sep) && own !== parent;
        context.report({
          node,
          message: other
            ? `A connector never imports another connector ("${value}"): share code through the connector kit.`
            : `A connector imports only the connector kit and its own folder, not "${value}": use what src/connector-kit.ts exports (or export it there).`,
        });
      } else if (value === CONFORMANCE_PACKAGE && isTestFile) {
        return;
      } else if (value === 'synthnlu' || (value.startsWith('synthnlu/') && value !== KIT_PACKAGE)) {
        context.report({
          node,
          message: `A connector imports synthnlu only as "${KIT_PACKAGE}" (its tests also "${CONFORMANCE_PACKAGE}"), not "${value}".`,
        });
      }
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      /** @param {any} node import('...').X in a type */
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.argument;
        if (literal?.type === 'Literal') check(literal, literal.value);
      },
    };
  },
};
