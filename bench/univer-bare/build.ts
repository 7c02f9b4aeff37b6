// Builds Univer's bare page (page.ts) with webpack into a folder: the same loaders and minifier as the product's
// web target (config/webpack.common.cjs), so the two pages differ only in what they hold.
import { join } from 'node:path';
import webpack from 'webpack';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><title>Univer</title>
<style>html,body{margin:0;height:100%;overflow:hidden}#bare{height:100%}</style></head>
<body><div id="bare"></div></body></html>`;

export async function buildUniverBare(root: string, out: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { commonConfig, esbuildMinimizer } = require(join(root, 'config', 'webpack.common.cjs'));
  const config: webpack.Configuration = {
    ...commonConfig({ production: true }),
    name: 'univer-bare',
    target: 'web',
    entry: { bare: join(root, 'bench', 'univer-bare', 'page.ts') },
    output: { path: out, filename: '[name].[contenthash:8].js', publicPath: '', clean: true },
    devtool: false,
    optimization: { minimize: true, minimizer: [esbuildMinimizer()] },
    plugins: [new HtmlWebpackPlugin({ templateContent: HTML, scriptLoading: 'defer', inject: 'head' })],
  };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString('errors-only') ?? 'webpack failed'));
      resolve();
    }),
  );
}
