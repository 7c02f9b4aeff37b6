// Stands in for the `cjk-regex` package in the web bundle. Univer's text layout (engine-render) asks it for three
// regular expressions at start-up; the package builds them from `unicode-regex`'s Unicode tables (≈450 KB of
// script that runs before the first paint). config/webpack.web.cjs builds the same three expressions with the real
// package at build time and passes their source here, so what Univer gets is identical and the tables stay out.

interface RegexSource {
  readonly source: string;
  readonly flags: string;
}
declare const __NB_CJK_REGEX__: { letters: RegexSource; all: RegexSource; punctuations: RegexSource };

function charset(r: RegexSource): { toRegExp(flags?: string): RegExp } {
  return { toRegExp: (flags?: string) => new RegExp(r.source, flags ?? r.flags) };
}

export const letters = () => charset(__NB_CJK_REGEX__.letters);
export const all = () => charset(__NB_CJK_REGEX__.all);
export const punctuations = () => charset(__NB_CJK_REGEX__.punctuations);
