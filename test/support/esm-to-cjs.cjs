// Jest transform for the ESM-only packages the importer reads with (parse5 and its entities, pdfjs-dist): jest runs
// test files as CommonJS, so these are turned into CommonJS with esbuild, as the CLI bundle does. Nothing else.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      format: 'cjs',
      loader: 'js',
      target: 'node20',
      sourcefile: filename,
      sourcemap: 'inline',
      logLevel: 'silent',
    });
    return { code, map };
  },
};
