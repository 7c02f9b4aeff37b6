// `nianbao`: the command line of 年报助手. Dispatches to commands/*; exit 0 ok, 1 findings, 2 cannot read.
// Each command's module (and what it needs: ExcelJS, docx, Handlebars, the importer…) is loaded only when that
// command runs, so `nianbao validate` does not pay for `export` at start-up. The full list (commands/index.ts)
// is loaded for --help and for a name this table does not know yet.
import { EXIT, type CliCommand, type CliIO } from './cli-command';
import { failureReason } from '../hosts/failure-words';
import { shown } from './shown-text';

/** What the user sees of an unexpected failure: Chinese words; the stack only with --debug. */
export function failureText(e: unknown, debug: boolean): string {
  const stack = debug && e instanceof Error && e.stack ? `\n${e.stack}` : '';
  return `${shown(failureReason(e, 'read'))}${stack}\n`;
}

type LoadCommand = () => Promise<CliCommand>;

/** Commands by name, each loaded on demand (esbuild keeps every one in the bundle but runs it only when called). */
export const LAZY_COMMANDS: Readonly<Record<string, LoadCommand>> = {
  template: () => import('./commands/template').then((m) => m.templateCommand),
  validate: () => import('./commands/validate').then((m) => m.validateCommand),
  export: () => import('./commands/export').then((m) => m.exportCommand),
  import: () => import('./commands/import').then((m) => m.importCommand),
  audit: () => import('./commands/audit').then((m) => m.auditCommand),
  narrative: () => import('./commands/narrative').then((m) => m.narrativeCommand),
  rollup: () => import('./commands/rollup').then((m) => m.rollupCommand),
};

async function allCommands(): Promise<Readonly<Record<string, CliCommand>>> {
  return (await import('./commands')).COMMANDS;
}

async function help(io: CliIO): Promise<void> {
  io.out('年报助手命令行 nianbao：政府信息公开工作年度报告（2021 年版格式）\n');
  for (const [name, c] of Object.entries(await allCommands()))
    io.out(`  ${name.padEnd(10)} ${c.summary}\n    ${c.usage}\n`);
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  // --debug anywhere: a failure also prints its stack trace.
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv.filter((a) => a !== '--debug');
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await help(io);
    return name ? EXIT.ok : EXIT.unreadable;
  }
  const lazy = Object.hasOwn(LAZY_COMMANDS, name) ? LAZY_COMMANDS[name] : undefined;
  const command = lazy ? await lazy() : (await allCommands())[name];
  if (!command) {
    io.err(`未知的命令「${name}」。可用的命令：${Object.keys(await allCommands()).join('、')}\n`);
    return EXIT.unreadable;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.err(failureText(e, debug));
    return EXIT.unreadable;
  }
}

if (require.main === module) {
  const io: CliIO = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    interactive: Boolean(process.stderr.isTTY),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      io.err(failureText(e, process.argv.includes('--debug')));
      process.exitCode = EXIT.unreadable;
    },
  );
}
