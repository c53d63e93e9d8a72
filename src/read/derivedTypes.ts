import { typeNameAt } from './inheritance.js';
import { linksIn } from './links.js';

/**
 * The phrases a base page uses to name its derived types: "the derived types are [a](a.md) and
 * [b](b.md)", "Derived types include:", "It is inherited by [x](x.md)", "the base type for
 * [room](room.md) and [roomList](roomlist.md)", "It is the base type for each specific risk
 * event type:" (a table follows).
 */
const DERIVED_PHRASE = /\bderived\s+(?:types|classes)\b(?:\s+(?:are|include|includes)\b)?|\b(?:is|are)\s+inherited\s+by\b|\b(?<base>(?:base|parent)\s+(?:type|class)\s+for)\b/i;
/**
 * After "base type for", what the type is the base for: links right after it ("for [a](a.md)"),
 * or after words that bring examples ("for richer location types such as [room](room.md)"); not
 * links in a description of its use ("a base class for apply actions in the [settings](x.md)").
 */
const BASE_FOR_LINKS = /^\s*(?:the\s+)?(?=\[)|\b(?:such as|for example|which can be(?:\s+(?:a|an|either))?|including)[\s,:]*(?=\[)/i;
/** The end of a sentence: a full stop or semicolon before a space or the end. */
const SENTENCE_END = /[.;](?=\s|$)/g;
/** A sentence that ends in a colon or says "the following" hands the naming to the list or table after it. */
const LIST_FOLLOWS = /:\s*$|\bthe following\b/i;
/** `## Derived types`, `### Derived classes`. */
export const DERIVED_TYPES_HEADING = /^derived\s+(?:types|classes)$/i;

/** A type named as derived, and the offset in the markdown where its name (or link) starts. */
export interface DerivedTypeMention {
  name: string;
  target?: string;
  offset: number;
}

export interface DerivedTypesSentence {
  mentions: DerivedTypeMention[];
  /** The paragraph names them in the list or table that follows ("Derived types include:"). */
  listFollows: boolean;
}

/** The derived types a paragraph (as markdown) names for its page's type. */
export function derivedTypesNamedIn(markdown: string, definitions: ReadonlyMap<string, string>): DerivedTypesSentence {
  const mentions: DerivedTypeMention[] = [];
  let listFollows = false;
  for (const { text, offset } of sentencesOf(markdown)) {
    const phrase = DERIVED_PHRASE.exec(text);
    if (!phrase) continue;
    const afterPhrase = phrase.index + phrase[0].length;
    const listStart = phrase.groups?.base ? BASE_FOR_LINKS.exec(text.slice(afterPhrase)) : undefined;
    const from = afterPhrase + (listStart === undefined ? 0 : listStart === null ? text.length : listStart.index + listStart[0].length);
    const named = linksIn(text.slice(from), definitions).flatMap((link) => {
      const name = typeNameAt(text.slice(from + link.offset));
      return name ? [{ name, target: link.target, offset: offset + from + link.offset }] : [];
    });
    mentions.push(...named);
    listFollows = named.length === 0 && LIST_FOLLOWS.test(text.trimEnd());
  }
  return { mentions, listFollows };
}

/** A paragraph's sentences, each with its offset; cut once, so a long paragraph costs its length. */
function sentencesOf(markdown: string): { text: string; offset: number }[] {
  const sentences: { text: string; offset: number }[] = [];
  let start = 0;
  for (const end of markdown.matchAll(SENTENCE_END)) {
    sentences.push({ text: markdown.slice(start, end.index + 1), offset: start });
    start = end.index + 1;
  }
  if (start < markdown.length) sentences.push({ text: markdown.slice(start), offset: start });
  return sentences;
}

/** The type a table's first cell or a list item names at its start: a link, a bold or backticked name. */
export function derivedTypeAtStart(markdown: string, definitions: ReadonlyMap<string, string>): DerivedTypeMention | undefined {
  const text = markdown.trimStart();
  const name = typeNameAt(text);
  if (!name) return undefined;
  const offset = markdown.length - text.length;
  const link = linksIn(text, definitions).find((candidate) => candidate.offset === 0);
  return link ? { name, target: link.target, offset } : { name, offset };
}
