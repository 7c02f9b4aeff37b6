// The WPS 表格 add-in (jsaddin): a hidden main page (main.js: ribbon callbacks, edit relay) and the task pane
// (taskpane.js: the shared pane over WpsHost), plus ribbon.xml, the two HTML pages and icons from wps/.
// Output goes to dist/wps/addin/; scripts/build-wps.mjs packages it for online and offline deployment.
// WPS embeds an old Chromium, so every output file (node_modules included) is lowered to ES2017 / Chrome 58.
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { EsbuildPlugin } = require('esbuild-loader');

const root = path.join(__dirname, '..');
/** The syntax WPS's browser is assumed to parse (shared/notes/wps-addin.md: old CEF, no randomUUID). */
const WPS_TARGET = ['es2017', 'chrome58'];

module.exports = async (_env = {}, argv = {}) => {
  const production = (argv.mode ?? 'production') === 'production';
  return {
    name: 'wps',
    mode: production ? 'production' : 'development',
    target: ['web', 'es2017'],
    context: root,
    entry: { main: './src/hosts/wps/boot-main.ts', taskpane: './src/hosts/wps/boot-taskpane.tsx' },
    output: {
      path: path.join(root, 'dist', 'wps', 'addin'),
      filename: '[name].js',
      publicPath: '',
      clean: true,
      // No dynamic chunks: every page is one script WPS fetches from the add-in folder.
      chunkFormat: 'array-push',
    },
    devtool: production ? 'source-map' : 'cheap-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.[cm]?tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: WPS_TARGET, jsx: 'automatic' },
        },
        // package.json declares modules side-effect free; the polyfills are imported for their side effects only.
        { test: /[\\/]src[\\/]hosts[\\/]wps[\\/]legacy-runtime\.ts$/, sideEffects: true },
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      ],
    },
    optimization: {
      // Always run: besides minifying, this pass lowers the syntax of library code to the WPS target.
      minimize: true,
      minimizer: [new EsbuildPlugin({ target: WPS_TARGET, minify: production, css: false, legalComments: 'none' })],
      splitChunks: false,
    },
    performance: { hints: false },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [{ from: path.join(root, 'wps'), to: '.', globOptions: { ignore: ['**/README*', '**/install/**'] } }],
      }),
    ],
    stats: 'errors-warnings',
  };
};
