// `npm run accuracy`: the importer over the labelled corpus (test/fixtures), per source kind — cells right / wrong /
// left empty / invented — and the round trip: random valid reports exported by src/export to .html and .docx, and to
// PDF by LibreOffice, read back exactly. Exits 1 if a number is invented, a kind is under 99.5 % right, or a round
// trip is not exact. Usage: npm run accuracy [-- --round-trips 200]
import { INPUT_CELLS } from '../../../src/report';
import type { SourceKind } from '../../../src/report/import';
import { SOFFICE } from '../../support/libreoffice';
import { randomReportValues, seeded } from '../random-report';
import { documentsOf, pdfsOf } from '../round-trip-support';
import { corpus, emptyScore, scoreDocument, share, type Score } from './accuracy-corpus';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const ROUND_TRIPS = option('--round-trips', 200);
/** LibreOffice takes seconds per file: the PDF round trip may be shorter (npm run accuracy -- --pdf-round-trips 20). */
const PDF_ROUND_TRIPS = option('--pdf-round-trips', ROUND_TRIPS);
const pdfsOrNull = (docx: readonly Uint8Array[]): Uint8Array[] | null => {
  try {
    return pdfsOf(docx);
  } catch (e) {
    process.stderr.write(`  LibreOffice 转换 PDF 失败：${e instanceof Error ? e.message : String(e)}\n`);
    return null;
  }
};
const KINDS: readonly SourceKind[] = ['text', 'markdown', 'html', 'docx', 'pdf'];

async function main(): Promise<number> {
  const scores = new Map<SourceKind, Score>(KINDS.map((k) => [k, emptyScore()]));
  const docs = corpus();
  for (const d of docs) await scoreDocument(scores.get(d.kind)!, d.name, d.kind, await d.bytes(), d.expected);
  const docxDocs = docs.filter((d) => d.kind === 'docx');
  const pdfs = SOFFICE ? pdfsOrNull(await Promise.all(docxDocs.map((d) => d.bytes()))) : null;
  if (pdfs) {
    for (const [i, d] of docxDocs.entries())
      await scoreDocument(scores.get('pdf')!, d.name.replace('Word', 'PDF'), 'pdf', pdfs[i], d.expected);
  }

  let failed = false;
  const trips = new Map<SourceKind, { exact: number; total: number; score: Score }>();
  const reports = Array.from({ length: ROUND_TRIPS }, (_, i) => randomReportValues(seeded(1000 + i)));
  const named = (values: (typeof reports)[number]) =>
    new Map(
      INPUT_CELLS.flatMap((c, i): [string, number | string][] => {
        const v = values[i];
        return v.kind === 'number' ? [[c.name, v.value]] : v.kind === 'text' ? [[c.name, v.text]] : [];
      }),
    );
  const trip = async (kind: SourceKind, bytes: Uint8Array[], started: number) => {
    const t = { exact: 0, total: 0, score: emptyScore() };
    for (const [i, b] of bytes.entries()) {
      const before = t.score.right;
      await scoreDocument(t.score, `随机报告 ${i + 1}`, kind, b, named(reports[i]));
      t.total++;
      if (t.score.right - before === named(reports[i]).size) t.exact++;
    }
    trips.set(kind, t);
    process.stderr.write(`  往返 ${kind}：${bytes.length} 份，${((Date.now() - started) / 1000).toFixed(1)} 秒\n`);
  };
  let started = Date.now();
  await trip(
    'html',
    reports.map((r) => new TextEncoder().encode(documentsOf(r).html())),
    started,
  );
  started = Date.now();
  const docx = await Promise.all(reports.map((r) => documentsOf(r).docx()));
  await trip('docx', docx, started);
  if (SOFFICE) {
    started = Date.now();
    const tripPdfs = pdfsOrNull(docx.slice(0, PDF_ROUND_TRIPS));
    if (tripPdfs) await trip('pdf', tripPdfs, started);
    else failed = true;
  }

  const pct = (s: Score) => `${(share(s) * 100).toFixed(2)}%`;
  const lines = [
    '| 来源 | 文档 | 单元格 | 正确 | 错误 | 留空 | 虚构 | 正确率 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const k of KINDS) {
    const s = scores.get(k)!;
    const n = docs.filter((d) => d.kind === k).length || (k === 'pdf' ? docxDocs.length : 0);
    const cells = s.right + s.wrong + s.empty;
    lines.push(`| ${k} | ${n} | ${cells} | ${s.right} | ${s.wrong} | ${s.empty} | ${s.invented} | ${pct(s)} |`);
    if (cells > 0 && (share(s) < 0.995 || s.invented > 0)) failed = true;
  }
  lines.push('', '| 往返（导出后读回） | 报告 | 完全一致 | 错误 | 留空 | 虚构 |', '|---|---:|---:|---:|---:|---:|');
  for (const [k, t] of trips) {
    lines.push(`| ${k} | ${t.total} | ${t.exact} | ${t.score.wrong} | ${t.score.empty} | ${t.score.invented} |`);
    if (t.exact !== t.total) failed = true;
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  const mistakes = [...scores.values(), ...[...trips.values()].map((t) => t.score)].flatMap((s) => [
    ...s.refused,
    ...s.mistakes,
  ]);
  if (mistakes.length) process.stdout.write(`\n${mistakes.slice(0, 40).join('\n')}\n`);
  if (!SOFFICE) process.stdout.write('\n（未安装 LibreOffice：PDF 未测）\n');
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(2);
  },
);
