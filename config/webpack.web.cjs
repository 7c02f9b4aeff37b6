// The embedded default: one page with the task pane and an in-browser spreadsheet (Univer), built into dist/web/.
// esbuild-loader keeps the build short; the sheet library and ExcelJS sit in lazy chunks so the pane paints first.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { commonConfig, esbuildMinimizer, hashedOutput, isProduction, root } = require('./webpack.common.cjs');

module.exports = async (_env = {}, argv = {}) => {
  const production = isProduction(argv);
  return {
    ...commonConfig({ production }),
    name: 'web',
    target: 'web',
    entry: { main: './src/hosts/web/boot.tsx' },
    output: hashedOutput('web', production),
    devtool: production ? false : 'eval-cheap-source-map',
    optimization: { minimize: production, minimizer: [esbuildMinimizer()], splitChunks: false },
    plugins: [
      new HtmlWebpackPlugin({
        template: path.join(root, 'src', 'hosts', 'web', 'index.html'),
        scriptLoading: 'defer',
        inject: 'head',
      }),
    ],
  };
};
