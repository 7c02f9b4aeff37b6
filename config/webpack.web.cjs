// The embedded default: one page with the task pane and an in-browser spreadsheet (Univer), built into dist/web/.
// esbuild-loader keeps the build short; the sheet library and ExcelJS sit in lazy chunks so the pane paints first.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const root = path.join(__dirname, '..');

module.exports = async (_env = {}, argv = {}) => {
  const production = (argv.mode ?? 'production') === 'production';
  return {
    name: 'web',
    mode: production ? 'production' : 'development',
    target: 'web',
    context: root,
    entry: { main: './src/hosts/web/boot.tsx' },
    output: {
      path: path.join(root, 'dist', 'web'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '',
      clean: true,
    },
    devtool: production ? false : 'eval-cheap-source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
      // ExcelJS's browser build; the node build would pull in fs and streams.
      alias: { exceljs$: path.join(root, 'node_modules', 'exceljs', 'dist', 'exceljs.min.js') },
    },
    module: {
      rules: [
        {
          test: /\.[cm]?tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: 'es2020', jsx: 'automatic' },
        },
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      ],
      // The prebuilt ExcelJS bundle is already self-contained.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
    },
    optimization: {
      minimize: production,
      minimizer: [new (require('esbuild-loader').EsbuildPlugin)({ target: 'es2020', css: false })],
      splitChunks: false,
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        template: path.join(root, 'src', 'hosts', 'web', 'index.html'),
        scriptLoading: 'defer',
        inject: 'head',
      }),
    ],
    stats: 'errors-warnings',
  };
};
