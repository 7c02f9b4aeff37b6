// Argument parsing shared by the commands: node's parseArgs with Chinese messages for mistakes.
import { existsSync } from 'node:fs';
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

/** True (and says so) when `path` exists and --force was not given: a filled-in workbook is never overwritten. */
export function refusesOverwrite(io: CliIO, path: string, force: unknown): boolean {
  if (!existsSync(path) || force) return false;
  io.err(`文件 ${path} 已存在，为免覆盖已填写的内容没有写入；确需覆盖请加 --force\n`);
  return true;
}
