// Stands in for the `franc-min` package (language detection, ≈170 KB of trigram tables) in the web bundle.
// Univer's text layout asks it which language a paragraph is in only to choose hyphenation patterns, which it then
// downloads (e.g. the 105 KB en-gb table). The report is Chinese and wraps by character, so the page hyphenates
// nothing: every text is "und" (undetermined), which Univer maps to no hyphenation.
export function franc(): string {
  return 'und';
}
