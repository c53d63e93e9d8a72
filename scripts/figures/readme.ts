/**
 * The README's figures, written from the expected figures: the test holding the two together
 * compares the README with what this makes of it, and `npm run figures -- --update` writes it.
 */
import { summaryLine } from '../../src/examples/report.js';
import { CORPUS_VERSIONS, type Figures } from './expected.js';

export interface ReadmeFigures {
  /** The README with every figure it shows taken from the expected figures. */
  text: string;
  /** What could not be written: a figure with no place in the README, a place the README lost. */
  problems: string[];
}

export function readmeWithFigures(readme: string, figures: Figures): ReadmeFigures {
  const problems: string[] = [];
  let text = readme;
  const replace = (what: string, pattern: RegExp, make: (...groups: string[]) => string) => {
    let found = false;
    text = text.replace(pattern, (...match: unknown[]) => {
      found = true;
      return make(...(match.slice(0, -2) as string[]));
    });
    if (!found) problems.push(`README: ${what} not found (${pattern})`);
  };
  const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;
  const oneDecimal = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

  for (const version of CORPUS_VERSIONS) {
    const escaped = version.replace('.', '\\.');
    replace(`the ${version} accuracy line`, new RegExp(`^${escaped} accuracy: .*$`, 'm'), () => `${version} ${figures.accuracy[version]}`);
    replace(`the ${version} examples line`, new RegExp(`^${escaped} examples: .*$`, 'm'), () => `${version} ${summaryLine(figures.examples[version].counts)}`);
  }
  /** A sentence's figures, wherever its lines wrap: `{}` in the template stands for each figure. */
  const sentence = (what: string, template: string, values: (string | number)[]) => {
    const pieces = template.split('{}');
    const pattern = new RegExp(pieces.map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '(\\s+)')).join('[\\d.,]+%?'));
    replace(what, pattern, (_match, ...spaces) => {
      let space = 0;
      return pieces.map((piece, index) => piece.replace(/ +/g, () => spaces[space++]) + (index < values.length ? String(values[index]) : '')).join('');
    });
  };
  const [v1, beta] = CORPUS_VERSIONS.map((version) => figures.examples[version].counts);
  sentence('the examples failing on the docs\' style', '{} of v1.0\'s {} failures and {} of beta\'s {} fail only',
    [v1.failedOnDocsStyle, v1.failed, beta.failedOnDocsStyle, beta.failed]);
  sentence('the pass rates without the docs\' style', 'without those, {} and {} pass',
    [oneDecimal(v1.passed + v1.failedOnDocsStyle, v1.checked), oneDecimal(beta.passed + beta.failedOnDocsStyle, beta.checked)]);
  sentence('the repaired examples', '{} (v1.0) and {} (beta) bodies were repaired', [v1.repaired, beta.repaired]);
  const methods = figures.methodsSections;
  sentence('the share of pages with a blanked Methods section', 'on {} of the v1.0 resource pages and {} of beta\'s',
    [percent(methods['v1.0'].blanked, methods['v1.0'].pages), percent(methods.beta.blanked, methods.beta.pages)]);
  sentence('the tables and code blocks built from their lines', '({} tables and {} code blocks of the corpus',
    [figures.reader.tablesFromLines.toLocaleString('en'), figures.reader.codeBlocksFromLines.toLocaleString('en')]);

  const diff = figures.diff['v1.0..beta'];
  sentence('the v1.0 → beta totals', '{} breaking and {} not breaking changes.', [diff.breaking, diff.nonBreaking]);
  replace('the diff-official line', /^diff vs official typings: .*$/m, () => figures.diffOfficial);
  const diffStart = text.indexOf('\n### What beta has that v1.0 has not');
  const diffEnd = text.indexOf('\n### ', diffStart + 1);
  if (diffStart < 0 || diffEnd < 0) {
    problems.push('README: no "### What beta has that v1.0 has not" section');
  } else {
    const kinds = new Set(Object.keys(diff.kinds));
    const table = text.slice(diffStart, diffEnd).replace(/^\| `([a-z-]+)` \| \d+ \| \d+ \|$/gm, (_row, kind: string) => {
      kinds.delete(kind);
      return `| \`${kind}\` | ${diff.kinds[kind]?.breaking ?? 0} | ${diff.kinds[kind]?.nonBreaking ?? 0} |`;
    });
    text = text.slice(0, diffStart) + table + text.slice(diffEnd);
    problems.push(...[...kinds].map((kind) => `README: the v1.0 → beta table has no row for \`${kind}\``));
  }

  const lintStart = text.indexOf('\n## Docs lint');
  const apiStart = text.indexOf('\n### Api pages', lintStart);
  if (lintStart < 0 || apiStart < 0) {
    problems.push('README: no "## Docs lint" section with an "### Api pages" part');
  } else {
    const resourceTable = lintTable(text.slice(lintStart, apiStart), (version) => figures.lint[version], 'resource pages');
    const apiTable = lintTable(text.slice(apiStart), (version) => figures.apiPages[version].lint, 'api pages');
    text = text.slice(0, lintStart) + resourceTable.text + apiTable.text;
    problems.push(...resourceTable.problems, ...apiTable.problems);
  }
  return { text, problems };
}

/** A lint table's counts from the figures; a rule the corpus triggers without a row is a problem. */
function lintTable(section: string, counts: (version: string) => Record<string, number>, pages: string): { text: string; problems: string[] } {
  const rules = new Set(CORPUS_VERSIONS.flatMap((version) => Object.keys(counts(version))));
  const text = section.replace(/^\| `([a-z0-9-]+)` \| (.*) \| \d+ \| \d+ \| ([^|]*) \|$/gm, (_row, rule: string, what: string, sampled: string) => {
    rules.delete(rule);
    const [v1Count, betaCount] = CORPUS_VERSIONS.map((version) => counts(version)[rule] ?? 0);
    return `| \`${rule}\` | ${what} | ${v1Count} | ${betaCount} | ${sampled} |`;
  });
  return { text, problems: [...rules].map((rule) => `README: the ${pages}' lint table has no row for \`${rule}\`, which the corpus triggers`) };
}
