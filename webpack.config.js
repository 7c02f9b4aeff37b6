// One webpack entry point for every browser target. Each host contributes its own config in
// config/webpack.<target>.cjs (a function of env and argv); `webpack --env target=excel` builds one target,
// plain `webpack` builds every target present.
const fs = require('node:fs');
const path = require('node:path');

const TARGETS = ['excel', 'web', 'wps'];

module.exports = async (env = {}, argv = {}) => {
  const wanted = env.target ? String(env.target).split(',') : TARGETS;
  const present = wanted.filter((t) => fs.existsSync(path.join(__dirname, 'config', `webpack.${t}.cjs`)));
  if (present.length === 0) throw new Error(`no webpack target among: ${wanted.join(', ')}`);
  return Promise.all(present.map((t) => require(`./config/webpack.${t}.cjs`)(env, argv)));
};
