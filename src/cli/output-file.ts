// Every file the CLI writes goes through here. An output is refused when it is one of the command's inputs (the
// same path, a symlink to it or a hard link of it: compared by realpath and by device + inode), when it is a
// folder, and when it exists and --force was not given. A write goes to a temporary file in the same folder that
// is renamed over the output only once complete, so a failed write (disk full, no permission) leaves the old file
// whole and no half-written file behind.
import { randomBytes } from 'node:crypto';
import { lstat, realpath, rename, stat, unlink, writeFile, chmod } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { describeFailure } from '../hosts/failure-words';
import type { CliIO } from './cli-command';
import { line } from './shown-text';

async function identity(path: string): Promise<{ real: string; dev: number; ino: number } | null> {
  try {
    const s = await stat(path);
    return { real: await realpath(path), dev: s.dev, ino: s.ino };
  } catch {
    return null;
  }
}

/** Why `output` may not be written, or null when it may. */
export async function outputRefusal(output: string, inputs: readonly string[], force: boolean): Promise<string | null> {
  const out = await identity(output);
  for (const input of inputs) {
    const inp = await identity(input);
    const same =
      resolve(output) === resolve(input) ||
      (out !== null && inp !== null && (out.real === inp.real || (out.dev === inp.dev && out.ino === inp.ino)));
    if (same)
      return line`输出文件 ${output} 就是输入文件 ${input}（同一路径、符号链接或硬链接），写入会毁掉输入，没有写入：请换一个输出文件名`;
  }
  let exists = out !== null;
  if (!exists)
    exists = await lstat(output).then(
      () => true, // a dangling symlink: still something we would replace
      () => false,
    );
  if (out && (await stat(output)).isDirectory()) return line`${output} 是一个文件夹，不能作为输出文件：请指定文件名`;
  if (exists && !force) return line`文件 ${output} 已存在，为免覆盖没有写入；确需覆盖请加 --force`;
  return null;
}

/**
 * Checks every output of a command against its inputs, against each other and against --force; says the first
 * refusal on stderr. True when all may be written.
 */
export async function outputsAllowed(
  io: CliIO,
  outputs: readonly (string | undefined)[],
  inputs: readonly string[],
  force: unknown,
): Promise<boolean> {
  const wanted = outputs.filter((o): o is string => Boolean(o));
  for (const [i, output] of wanted.entries()) {
    const refusal = await outputRefusal(output, [...inputs, ...wanted.slice(0, i)], Boolean(force));
    if (refusal) {
      io.err(`${refusal}\n`);
      return false;
    }
  }
  return true;
}

/**
 * Writes `data` to `path` through a temporary file in the same folder, renamed into place when complete (keeping
 * the old file's permissions). Throws an Error with a Chinese message naming the file when it cannot.
 */
export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    const old = await stat(path).catch(() => null);
    if (old?.isFile()) await chmod(tmp, old.mode & 0o7777).catch(() => undefined);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new Error(describeFailure(e, line`${path}`, 'write'), { cause: e });
  }
}
