import type { RawTypeRef } from './types.js';
import { linksIn } from './links.js';
import { primitiveOf, typeNameFromLinkTarget } from './typeCell.js';

/** What a Response section's sentence says: the status code and, when it names one, the body's type. */
export interface ResponseSentence {
  status: number;
  type?: RawTypeRef;
  collection: boolean;
  /** Offset of the status code in the markdown. */
  offset: number;
}

/** `200 OK`, `` `201 Created` ``, `204 No Content`: a code and its reason phrase. */
const STATUS = /`?\b([1-5]\d\d)\b(?:\s+[A-Z][A-Za-z-]*)*`?/g;
/** A primitive body: "a String collection", "a Stream", "an Int32", "a Boolean value", "collection of String". */
const PRIMITIVE_BODY = /\b(?:an?|the)\s+(?:collection\s+of\s+)?`?(?:Edm\.)?(String|Boolean|Int32|Int64|Double|Stream|Binary|Guid|DateTimeOffset|Date)`?(\s+collection\b)?/;
const SENTENCE_END = /\.(?:\s|$)/;

/**
 * Reads "returns a `200 OK` response code and a [user](../resources/user.md) object",
 * "... and a collection of [user](...) objects", "... and a String collection", "`204 No Content`":
 * the first success status of the markdown, and the type its sentence names after it. Links that
 * lead to no page (`/graph/errors`) name no type.
 */
export function readResponseSentence(markdown: string): ResponseSentence | undefined {
  for (const match of markdown.matchAll(STATUS)) {
    const status = Number(match[1]);
    if (status < 200 || status > 299 || !/response|status|code|return/i.test(markdown.slice(Math.max(0, match.index - 60), match.index + match[0].length + 40))) continue;
    const afterStatus = markdown.slice(match.index + match[0].length);
    const end = afterStatus.search(SENTENCE_END);
    const sentence = end < 0 ? afterStatus : afterStatus.slice(0, end);
    return { status, ...bodyNamedIn(sentence), offset: match.index };
  }
  return undefined;
}

/** The body type a sentence names after its status code, and whether a collection of it. */
function bodyNamedIn(sentence: string): { type?: RawTypeRef; collection: boolean } {
  const link = linksIn(sentence, new Map()).find((candidate) => /\.md(?:#|$)/i.test(candidate.target));
  const primitive = PRIMITIVE_BODY.exec(sentence);
  if (link && (!primitive || link.offset < primitive.index)) {
    const text = /^\[\s*`?([A-Za-z_][\w.]*)`?\s*\]/.exec(sentence.slice(link.offset))?.[1];
    const name = text && !/^(?:an?|the|object|objects|collection)$/i.test(text) ? text : typeNameFromLinkTarget(link.target)!;
    const before = sentence.slice(0, link.offset);
    const after = sentence.slice(link.offset).replace(/^\[[^\]]*\]\([^)]*\)/, '');
    const collection = /\b(?:collection|list|array)\s+of\s+(?:the\s+)?$/i.test(before) || /^\s*(?:object\s+)?collection\b/i.test(after)
      || /^\s*objects\b/i.test(after);
    return { type: { kind: 'unresolved', name }, collection };
  }
  if (primitive) {
    const collection = /collection\s+of/i.test(primitive[0]) || primitive[2] !== undefined;
    return { type: { kind: 'primitive', name: primitiveOf(primitive[1])! }, collection };
  }
  return { collection: false };
}
