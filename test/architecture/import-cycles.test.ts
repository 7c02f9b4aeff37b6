// The module boundaries of #14, read from the source with the TypeScript parser (test/architecture/import-graph.ts):
// no circle of imports anywhere in src/ (type-only ones count), no host module reaching the pane or the CLI.
import { importCircles, importGraph } from './import-graph';

const graph = importGraph(process.cwd());

test('the circle finder finds a type-only circle of three and leaves a chain alone', () => {
  const g = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a', 'd']],
    ['d', []],
    ['e', ['d']],
  ]);
  expect(importCircles(g)).toEqual([['a', 'b', 'c']]);
  expect(
    importCircles(
      new Map([
        ['x', ['y']],
        ['y', []],
      ]),
    ),
  ).toEqual([]);
});

test('the graph sees the imports of a known module (type-only and re-exports included)', () => {
  // spreadsheet-host.ts imports CellReader as a type and re-exports NamedRef from the same module.
  expect(graph.get('src/hosts/spreadsheet-host.ts')).toContain('src/report/reading/cell-reader.ts');
  // The web page loads the sheet by dynamic import().
  expect(graph.get('src/apps/web/boot.tsx')).toContain('src/hosts/web/start-sheet.ts');
  expect(graph.size).toBeGreaterThan(150);
});

test('src/ has no circle of imports', () => {
  expect(importCircles(graph)).toEqual([]);
});

test('no host module imports the pane, a composition root or the CLI', () => {
  const crossings = [...graph]
    .filter(([from]) => from.startsWith('src/hosts/'))
    .flatMap(([from, to]) => to.filter((t) => /^src\/(taskpane|apps|cli)\//.test(t)).map((t) => `${from} → ${t}`));
  expect(crossings).toEqual([]);
});

test('the domain imports no host, pane, CLI or composition root', () => {
  const crossings = [...graph]
    .filter(([from]) => from.startsWith('src/report/'))
    .flatMap(([from, to]) =>
      to.filter((t) => /^src\/(hosts|taskpane|apps|cli|export)\//.test(t)).map((t) => `${from} → ${t}`),
    );
  expect(crossings).toEqual([]);
});
