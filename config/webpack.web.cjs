// The embedded default: one page with the task pane and an in-browser spreadsheet (Univer), built into dist/web/.
// esbuild-loader keeps the build short; the sheet library and ExcelJS sit in lazy chunks so the pane paints first.
// Three packages Univer's text layout imports are replaced by small stand-ins (src/hosts/web/univer-trim/, each
// file says why the page does not need the original), and chunks shared between lazy parts (ExcelJS for 打开/保存
// and for 上年数据) are split out once instead of being copied into each.
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { commonConfig, esbuildMinimizer, hashedOutput, isProduction, root } = require('./webpack.common.cjs');

const trim = (file) => path.join(root, 'src', 'hosts', 'web', 'univer-trim', file);

/** The three expressions Univer asks `cjk-regex` for, built here with the real package (ESM only). */
async function cjkRegexSources() {
  const cjk = await import('cjk-regex');
  const of = (charset) => {
    const r = charset.toRegExp();
    return { source: r.source, flags: r.flags };
  };
  return { letters: of(cjk.letters()), all: of(cjk.all()), punctuations: of(cjk.punctuations()) };
}

module.exports = async (_env = {}, argv = {}) => {
  const production = isProduction(argv);
  const common = commonConfig({ production });
  return {
    ...common,
    name: 'web',
    target: 'web',
    entry: { main: './src/apps/web/boot.tsx' },
    output: hashedOutput('web', production),
    resolve: {
      ...common.resolve,
      alias: {
        ...common.resolve.alias,
        'cjk-regex$': trim('cjk-regex.ts'),
        'franc-min$': trim('franc-min.ts'),
        'opentype.js$': trim('opentype.ts'),
      },
    },
    devtool: production ? false : 'eval-cheap-source-map',
    optimization: {
      minimize: production,
      minimizer: [esbuildMinimizer()],
      // Lazy chunks only: the page's own script stays one file. ExcelJS (950 KB) is one chunk for every lazy
      // part that reads or writes .xlsx.
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', enforce: true },
        },
      },
    },
    plugins: [
      new webpack.DefinePlugin({ __NB_CJK_REGEX__: JSON.stringify(await cjkRegexSources()) }),
      new HtmlWebpackPlugin({
        template: path.join(root, 'src', 'hosts', 'web', 'index.html'),
        scriptLoading: 'defer',
        inject: 'head',
      }),
    ],
  };
};
