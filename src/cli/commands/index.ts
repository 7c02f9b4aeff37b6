// Every `nianbao` subcommand, by name. Add a command: write commands/<name>.ts and list it here.
import type { CliCommand } from '../cli-command';
import { templateCommand } from './template';
import { validateCommand } from './validate';
import { exportCommand } from './export';
import { importCommand } from './import';
import { auditCommand } from './audit';
import { narrativeCommand } from './narrative';
import { rollupCommand } from './rollup';

export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  template: templateCommand,
  validate: validateCommand,
  export: exportCommand,
  import: importCommand,
  audit: auditCommand,
  narrative: narrativeCommand,
  rollup: rollupCommand,
};
