/**
 * Reads an example body as JSON, forgiving the shorthand the docs use in examples: `...` lines
 * and elided values, `//` and `/* *\/` comments, trailing commas, and (for examples the page
 * marks as truncated) brackets left open at the end. Nothing else is guessed: a body with any
 * other defect is reported as not JSON, with the parser's reason.
 */

/** The shorthand a repair removed, for the report. */
export type Repair = 'ellipsis' | 'elided value' | 'comment' | 'trailing comma' | 'closed truncated body';

export type ParsedBody =
  | {
    kind: 'json';
    value: unknown;
    /**
     * The text that parsed: the body itself, or the body with the shorthand blanked out. Blanking
     * keeps every remaining character at its offset, so lines found in it are lines of the body.
     */
    text: string;
    repairs: Repair[];
  }
  | {
    kind: 'notJson';
    reason: string;
    /** 0-based line in the body where the parser stopped, when it says. */
    line?: number;
  };

export function parseBody(body: string, options: { truncated: boolean }): ParsedBody {
  try {
    return { kind: 'json', value: JSON.parse(body), text: body, repairs: [] };
  } catch {
    // Fall through to the repair: most bodies that fail use the docs' shorthand.
  }
  const { text, repairs } = repairShorthand(body, options);
  try {
    return { kind: 'json', value: JSON.parse(text), text, repairs };
  } catch (error) {
    return notJson(text, (error as Error).message);
  }
}

type TokenKind = 'string' | 'punctuation' | 'literal' | 'ellipsis' | 'comment';

interface Token {
  kind: TokenKind;
  start: number;
  text: string;
}

export function repairShorthand(body: string, options: { truncated: boolean }): { text: string; repairs: Repair[] } {
  const repairs = new Set<Repair>();
  const tokens = tokenize(body).filter((token) => {
    if (token.kind !== 'comment') return true;
    repairs.add('comment');
    return false;
  });
  const kept = fixCommas(dropEllipses(tokens, repairs), repairs);
  let text = render(body, kept);
  if (options.truncated) {
    const closers = unclosedBrackets(kept);
    if (closers) {
      text += closers;
      repairs.add('closed truncated body');
    }
  }
  return { text, repairs: [...repairs] };
}

/** `"key": ...` loses its key too, so the object stays well formed; a lone `...` just goes. */
function dropEllipses(tokens: Token[], repairs: Set<Repair>): Token[] {
  const kept: Token[] = [];
  for (const token of tokens) {
    if (token.kind !== 'ellipsis') {
      kept.push(token);
      continue;
    }
    const previous = kept.at(-1);
    if (previous?.text === ':' && kept.at(-2)?.kind === 'string') {
      kept.splice(-2, 2);
      repairs.add('elided value');
    } else {
      repairs.add('ellipsis');
    }
  }
  return kept;
}

/** Commas before a closing bracket or the end, after an opening one, or doubled (what removing `...` leaves). */
function fixCommas(tokens: Token[], repairs: Set<Repair>): Token[] {
  const kept: Token[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.text === ',' && token.kind === 'punctuation') {
      const next = tokens[index + 1]?.text;
      const previous = kept.at(-1)?.text;
      const closes = next === undefined || next === '}' || next === ']';
      if (closes || next === ',' || previous === undefined || previous === '{' || previous === '[' || previous === ',') {
        repairs.add('trailing comma');
        continue;
      }
    }
    kept.push(token);
  }
  return kept;
}

/** The kept tokens at their original offsets; everything else becomes spaces, newlines stay. */
function render(body: string, tokens: Token[]): string {
  const chars = body.replace(/[^\n]/g, ' ').split('');
  for (const token of tokens) {
    for (let offset = 0; offset < token.text.length; offset++) chars[token.start + offset] = token.text[offset];
  }
  return chars.join('');
}

function unclosedBrackets(tokens: Token[]): string {
  const open: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'punctuation') continue;
    if (token.text === '{' || token.text === '[') open.push(token.text === '{' ? '}' : ']');
    else if (token.text === '}' || token.text === ']') {
      if (open.at(-1) !== token.text) return ''; // Mismatched, not merely cut short: leave it to the parser's reason.
      open.pop();
    }
  }
  return open.length ? `\n${open.reverse().join('')}` : '';
}

const PUNCTUATION = new Set(['{', '}', '[', ']', ',', ':']);

function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < body.length) {
    const char = body[index];
    const start = index;
    if (/\s/.test(char)) {
      index++;
    } else if (char === '"') {
      index = stringEnd(body, index);
      tokens.push({ kind: 'string', start, text: body.slice(start, index) });
    } else if (body.startsWith('//', index)) {
      index = body.indexOf('\n', index);
      if (index < 0) index = body.length;
      tokens.push({ kind: 'comment', start, text: body.slice(start, index) });
    } else if (body.startsWith('/*', index)) {
      const close = body.indexOf('*/', index + 2);
      index = close < 0 ? body.length : close + 2;
      tokens.push({ kind: 'comment', start, text: body.slice(start, index) });
    } else if (char === '.' || char === '…') {
      while (index < body.length && (body[index] === '.' || body[index] === '…')) index++;
      // A single dot is not shorthand: keep it for the parser to name.
      const text = body.slice(start, index);
      tokens.push({ kind: text === '.' ? 'literal' : 'ellipsis', start, text });
    } else if (PUNCTUATION.has(char)) {
      index++;
      tokens.push({ kind: 'punctuation', start, text: char });
    } else {
      while (index < body.length && !/[\s"{}[\],:]/.test(body[index]) && !body.startsWith('//', index)) index++;
      tokens.push({ kind: 'literal', start, text: body.slice(start, index) });
    }
  }
  return tokens;
}

/** Past the closing quote; an unterminated string stops at the line's end, for the parser to report. */
function stringEnd(body: string, start: number): number {
  let index = start + 1;
  while (index < body.length && body[index] !== '"' && body[index] !== '\n') index += body[index] === '\\' ? 2 : 1;
  return body[index] === '"' ? index + 1 : index;
}

function notJson(text: string, message: string): ParsedBody {
  const position = /at position (\d+)/.exec(message)?.[1];
  const reason = message
    .replace(/\s*in JSON at position \d+(?: \(line \d+ column \d+\))?/, '')
    .replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '')
    .trim();
  if (position === undefined) return { kind: 'notJson', reason };
  const line = text.slice(0, Number(position)).split('\n').length - 1;
  return { kind: 'notJson', reason, line };
}
