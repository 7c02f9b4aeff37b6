// What the browser targets (excel, web, wps) share: how our TypeScript, ES modules and CSS are loaded, how imports
// resolve, the esbuild minimizer and the hashed output names. Each config/webpack.<target>.cjs adds its own entries,
// pages and packaging; what differs between them (the syntax target, extra rules) comes in as parameters.
const path = require('node:path');
const { EsbuildPlugin } = require('esbuild-loader');

const root = path.join(__dirname, '..');
/** The syntax our code is lowered to for browsers that take modern JavaScript (Office webviews, the web page). */
const MODERN_TARGET = 'es2020';
/** ExcelJS's prebuilt browser bundle: the node build would pull in fs and streams. */
const EXCELJS_BROWSER = path.join(root, 'node_modules', 'exceljs', 'dist', 'exceljs.min.js');

/** webpack's mode comes from `--mode`; a build without one is a production build. */
function isProduction(argv = {}) {
  return (argv.mode ?? 'production') === 'production';
}

/**
 * The shared part of a target's config. `esbuildTarget` is what esbuild-loader lowers our TypeScript to;
 * `rules` (a target's own, e.g. side-effect flags) go in after the TypeScript rule.
 */
function commonConfig({ production, esbuildTarget = MODERN_TARGET, rules = [] }) {
  return {
    mode: production ? 'production' : 'development',
    context: root,
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
      alias: { exceljs$: EXCELJS_BROWSER },
    },
    module: {
      rules: [
        {
          test: /\.[cm]?tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: esbuildTarget, jsx: 'automatic' },
        },
        ...rules,
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      ],
      // The prebuilt ExcelJS bundle is self-contained (950 KB minified): parsing it would only cost build time.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

/** Minifies (and lowers library code to `target`) with esbuild; CSS is left to style-loader. */
function esbuildMinimizer(target = MODERN_TARGET, options = {}) {
  return new EsbuildPlugin({ target, css: false, ...options });
}

/** Output for pages served over HTTP: content-hashed names in production so caches never serve a stale script. */
function hashedOutput(dir, production) {
  return {
    path: path.join(root, 'dist', dir),
    filename: production ? '[name].[contenthash:8].js' : '[name].js',
    chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
    publicPath: '',
    clean: true,
  };
}

module.exports = { root, isProduction, commonConfig, esbuildMinimizer, hashedOutput };
