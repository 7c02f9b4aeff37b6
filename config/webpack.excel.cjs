// The Excel add-in: taskpane.html (the shared pane over ExcelHost) and commands.html (the ribbon's function
// file) into dist/excel/, with assets/ and manifest.xml beside them.
// Where office.js comes from is chosen at build time: OFFICE_JS=cdn (Microsoft's CDN, the default),
// cn (the 21Vianet CDN for Office operated in China) or self (a copy of @microsoft/office-js/dist served with
// the add-in, for networks that reach neither CDN; install that package first). It is never bundled.
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { commonConfig, esbuildMinimizer, hashedOutput, isProduction, root } = require('./webpack.common.cjs');

const DEV_PORT = 3000;

const OFFICE_JS = {
  cdn: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  cn: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
  self: 'office-js/office.js',
};

function officeJsSource(env) {
  const choice = String(env.OFFICE_JS ?? process.env.OFFICE_JS ?? 'cdn').toLowerCase();
  if (!(choice in OFFICE_JS)) throw new Error(`OFFICE_JS must be cdn, cn or self, not "${choice}"`);
  if (choice !== 'self') return { choice, url: OFFICE_JS[choice], copy: [] };
  const dist = path.join(root, 'node_modules', '@microsoft', 'office-js', 'dist');
  if (!fs.existsSync(path.join(dist, 'office.js')))
    throw new Error(
      'OFFICE_JS=self needs a local copy of office.js: npm install --no-save @microsoft/office-js ' +
        '(about 86 MB; it is copied unmodified into dist/excel/office-js/).',
    );
  // office.js loads its host and locale scripts from beside itself, so the whole folder goes along.
  return { choice, url: OFFICE_JS.self, copy: [{ from: dist, to: 'office-js' }] };
}

module.exports = async (env = {}, argv = {}) => {
  const production = isProduction(argv);
  const serving = Boolean(env.WEBPACK_SERVE || process.env.WEBPACK_SERVE);
  const office = officeJsSource(env);
  const hostCheck = fs.readFileSync(path.join(root, 'src', 'hosts', 'excel', 'host-check.es5.js'), 'utf8');

  return {
    ...commonConfig({ production }),
    name: 'excel',
    target: 'web',
    entry: {
      taskpane: './src/apps/excel/boot.tsx',
      commands: './src/hosts/excel/commands.ts',
    },
    output: hashedOutput('excel', production),
    devtool: production ? false : 'eval-cheap-source-map',
    optimization: { minimize: production, minimizer: [esbuildMinimizer()] },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: path.join(root, 'src', 'hosts', 'excel', 'taskpane.html'),
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        inject: 'body',
        officeJs: office.url,
        hostCheck,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: path.join(root, 'src', 'hosts', 'excel', 'commands.html'),
        chunks: ['commands'],
        scriptLoading: 'defer',
        officeJs: office.url,
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: 'assets', to: 'assets' }, { from: 'manifest.xml', to: 'manifest.xml' }, ...office.copy],
      }),
    ],
    // Certificates are asked for only when serving, so CI builds need none.
    devServer: serving
      ? {
          port: Number(process.env.npm_package_config_dev_server_port || DEV_PORT),
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: {
            type: 'https',
            options: await require('office-addin-dev-certs').getHttpsServerOptions(),
          },
          static: false,
          hot: false,
        }
      : undefined,
  };
};
