// What one `nianbao` subcommand is. Each lives in commands/<name>.ts and is listed in commands/index.ts.

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars go there only then). */
  readonly interactive: boolean;
}

/** Exit codes, as the CLI's contract states them. */
export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;

export interface CliCommand {
  /** One line in Chinese for `nianbao --help`. */
  readonly summary: string;
  /** The usage line(s). */
  readonly usage: string;
  run(args: readonly string[], io: CliIO): Promise<number>;
}
