// Runs a bundled `nianbao` (argv[2]) with the rest of argv, as bin/nianbao.cjs does, for tests that build their own.
const { main } = require(process.argv[2]);
const io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), interactive: false };
main(process.argv.slice(3), io).then((code) => {
  process.exitCode = code;
});
