import { ts } from 'ts-morph';

/** A stretch of emitted source that is code: neither a comment nor a string literal. */
export interface CodeRun {
  /** 1-based line where the run starts. */
  line: number;
  text: string;
}

const K = ts.SyntaxKind;

/** Tokens that hold page text safely: comments and (single- or double-quoted) string literals. */
const SAFE_KINDS = new Set([K.SingleLineCommentTrivia, K.MultiLineCommentTrivia, K.StringLiteral]);

/** Tokens after which `/` divides; after anything else it starts a regular expression. */
const ENDS_OPERAND = new Set([
  K.Identifier, K.PrivateIdentifier, K.NumericLiteral, K.BigIntLiteral, K.StringLiteral, K.RegularExpressionLiteral,
  K.NoSubstitutionTemplateLiteral, K.TemplateTail, K.CloseParenToken, K.CloseBracketToken, K.CloseBraceToken,
  K.ThisKeyword, K.SuperKeyword, K.TrueKeyword, K.FalseKeyword, K.NullKeyword, K.PlusPlusToken, K.MinusMinusToken,
]);

const TRIVIA = new Set([K.WhitespaceTrivia, K.NewLineTrivia, K.ConflictMarkerTrivia, K.ShebangTrivia]);

/**
 * The runs of code in a TypeScript or JavaScript source that contain `needle`.
 *
 * A run is every token between two comments or string literals, whitespace and line breaks
 * included, so a needle the scanner splits into several tokens (`<` `script` `>`, or the `*` `/`
 * left over when page text closed a JSDoc comment early) is still found, and so is a U+2028 that
 * ended a `//` comment. Template literals and regular expressions count as code: page text inside
 * them could run. Empty when page text stayed inside comments and strings.
 */
export function codeTokensContaining(source: string, needle: string): CodeRun[] {
  return codeRuns(source).flatMap(({ start, end }) => {
    const text = source.slice(start, end);
    const at = text.indexOf(needle);
    return at < 0 ? [] : [{ line: lineAt(source, start + at), text }];
  });
}

/**
 * Every run of code in a source, as offsets. Characters the scanner skips without a token (it
 * steps over a U+2028 between tokens) belong to the run around them.
 */
function codeRuns(source: string): { start: number; end: number }[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ false, ts.LanguageVariant.Standard, source);
  const runs: { start: number; end: number }[] = [];
  let current: { start: number; end: number } | undefined;
  const extend = (start: number, end: number): void => {
    if (end <= start) return;
    if (current) current.end = end;
    else runs.push((current = { start, end }));
  };
  let previous: ts.SyntaxKind = K.Unknown;
  let braceDepth = 0;
  /** The brace depth at which each open `${ … }` substitution closes. */
  const substitutions: number[] = [];
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    if (kind === K.OpenBraceToken) braceDepth++;
    else if (kind === K.CloseBraceToken) {
      if (substitutions.at(-1) === braceDepth) {
        kind = scanner.reScanTemplateToken(/* isTaggedTemplate */ false);
        if (kind === K.TemplateTail) substitutions.pop();
      } else {
        braceDepth--;
      }
    } else if ((kind === K.SlashToken || kind === K.SlashEqualsToken) && !ENDS_OPERAND.has(previous)) {
      kind = scanner.reScanSlashToken();
    }
    if (kind === K.TemplateHead) substitutions.push(braceDepth);
    if (!TRIVIA.has(kind) && kind !== K.SingleLineCommentTrivia && kind !== K.MultiLineCommentTrivia) previous = kind;
    if (SAFE_KINDS.has(kind)) {
      extend(scanner.getTokenFullStart(), scanner.getTokenStart());
      current = undefined;
    } else {
      extend(scanner.getTokenFullStart(), scanner.getTokenEnd());
    }
  }
  extend(scanner.getTokenFullStart(), source.length);
  return runs;
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let index = source.indexOf('\n'); index >= 0 && index < offset; index = source.indexOf('\n', index + 1)) line++;
  return line;
}
