// The WPS 表格 add-in (jsaddin): a hidden main page (main.js: ribbon callbacks, edit relay) and the task pane
// (taskpane.js: the shared pane over WpsHost), plus ribbon.xml, the two HTML pages and icons from wps/.
// Output goes to dist/wps/addin/; scripts/build-wps.mjs packages it for online and offline deployment.
// WPS embeds an old Chromium, so every output file (node_modules included) is lowered to ES2017 / Chrome 58.
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { commonConfig, esbuildMinimizer, isProduction, root } = require('./webpack.common.cjs');

/** The syntax WPS's browser is assumed to parse (shared/notes/wps-addin.md: old CEF, no randomUUID). */
const WPS_TARGET = ['es2017', 'chrome58'];

module.exports = async (_env = {}, argv = {}) => {
  const production = isProduction(argv);
  return {
    ...commonConfig({
      production,
      esbuildTarget: WPS_TARGET,
      // package.json declares modules side-effect free; the polyfills are imported for their side effects only.
      rules: [{ test: /[\\/]src[\\/]hosts[\\/]wps[\\/]legacy-runtime\.ts$/, sideEffects: true }],
    }),
    name: 'wps',
    target: ['web', 'es2017'],
    entry: { main: './src/hosts/wps/boot-main.ts', taskpane: './src/apps/wps/boot-taskpane.tsx' },
    output: {
      path: path.join(root, 'dist', 'wps', 'addin'),
      filename: '[name].js',
      publicPath: '',
      clean: true,
      // No dynamic chunks: every page is one script WPS fetches from the add-in folder.
      chunkFormat: 'array-push',
    },
    devtool: production ? 'source-map' : 'cheap-source-map',
    optimization: {
      // Always run: besides minifying, this pass lowers the syntax of library code to the WPS target.
      minimize: true,
      minimizer: [esbuildMinimizer(WPS_TARGET, { minify: production, legalComments: 'none' })],
      splitChunks: false,
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [{ from: path.join(root, 'wps'), to: '.', globOptions: { ignore: ['**/README*', '**/install/**'] } }],
      }),
    ],
  };
};
