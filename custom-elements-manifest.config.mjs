// @custom-elements-manifest/analyzer config: custom-elements.json is generated from the JSDoc in src/ by
// `node tools/manifest.mjs` (npm test checks it is not stale). Never edit custom-elements.json by hand.

/** Our define files call `defineElement('lr-x', LrX)` (src/internal/define.ts); teach the analyzer that helper. */
function defineElementPlugin() {
  return {
    name: 'lr-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, cls] = node.arguments;
      if (!tag || !cls || !ts.isStringLiteral(tag)) return;
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag.text, declaration: { name: cls.getText() } });
    },
    packageLinkPhase({ customElementsManifest }) {
      const classes = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) if (d.kind === 'class') classes.set(d.name, { mod, d });
      }
      for (const mod of customElementsManifest.modules) {
        for (const ex of mod.exports ?? []) {
          if (ex.kind !== 'custom-element-definition') continue;
          const found = classes.get(ex.declaration.name);
          if (!found) continue;
          ex.declaration.module = found.mod.path;
          found.d.tagName = ex.name;
          found.d.customElement = true;
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  litelement: true,
  packagejson: false,
  plugins: [defineElementPlugin()],
};
