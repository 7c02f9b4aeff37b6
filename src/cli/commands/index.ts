// Every `nianbao` subcommand, by name. Add a command: write commands/<name>.ts and list it here.
import type { CliCommand } from '../cli-command';
import { templateCommand } from './template';
import { validateCommand } from './validate';
import { exportCommand } from './export';

export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  template: templateCommand,
  validate: validateCommand,
  export: exportCommand,
};
