// Argument parsing shared by the commands: node's parseArgs with Chinese messages for mistakes.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, type CliIO } from './cli-command';

export type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

export function parse(
  args: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
): Parsed | { error: string } {
  try {
    const r = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const option = /'(--?[\w-]+)/.exec(msg)?.[1];
    return { error: option ? `无法识别或缺少取值的选项 ${option}` : `参数有误：${msg}` };
  }
}

/** Says what is wrong with the command line, then how it is used; the exit code for it. */
export function usageError(io: CliIO, message: string, usage: string): number {
  io.err(`${message}\n用法：${usage}\n`);
  return EXIT.unreadable;
}
