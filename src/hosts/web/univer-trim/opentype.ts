// Stands in for `opentype.js` (≈245 KB) in the web bundle. Univer parses font files with it only for fonts read
// through the Local Font Access API, which it uses only when the user has already granted this page that
// permission; the page never asks for it, so Univer lays text out with the browser's canvas fonts. Should it be
// reached anyway, the error says why instead of drawing wrong glyphs.
export function parse(): never {
  throw new Error('年报助手网页版不解析本地字体文件（opentype.js 未打包）');
}
