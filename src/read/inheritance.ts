import { typeNameFromLinkTarget } from './typeCell.js';

/**
 * The phrases pages use to name their base type, followed by the filler words that may sit
 * between phrase and name: "Inherits from [entity](entity.md)", "A subclass of educationResource",
 * "derived from the [extension](extension.md) abstract type", "Inherits from base class [x](x.md)".
 * The plural "types inherit from" speaks of other types, so only "inherits" and "will inherit" count.
 */
const BASE_PHRASE = /\b(?:(?:inherits|will\s+inherit)\s+from|derive[sd]\s+from|(?:subclass|subtype|derived\s+type)\s+of)\s+(?:(?:the|a|an|base|abstract|class)\s+)*/gi;
const LINK = /^\[\s*([^\]]*?)\s*\](?:\(([^)]*)\)|\[[^\]]*\])?/;
const FORMATTED_WORD = /^([*_`]+)((?:microsoft\.graph\.)?[A-Za-z_]\w*(?:\.\w+)*)\1/;
/**
 * An unformatted name counts only when it reads as an identifier rather than prose: camelCase,
 * or a single word that ends the clause ("Inherits from entity." but not "derived from a machine
 * learning model").
 */
const PLAIN_IDENTIFIER = /^((?:microsoft\.graph\.)?[a-z]\w*[A-Z]\w*(?:\.\w+)*|[A-Za-z_]\w*(?:\.\w+)*(?=\s*(?:[.,;:)|]|$)))/;
const IDENTIFIER = /^(?:microsoft\.graph\.)?[A-Za-z_]\w*(?:\.\w+)*$/;
/** Words that point back at the page ("policies inherit from here.") rather than naming a type. */
const POINTER = /^(?:here|there|it|this|that|these|those|them)$/i;

/** A base type named in prose, and the offset in the markdown where its name (or link) starts. */
export interface BaseTypeMention {
  name: string;
  offset: number;
}

/** The base type a paragraph (as markdown) names for its page's type, if it names one. */
export function baseTypeNamedIn(markdown: string): BaseTypeMention | undefined {
  for (const phrase of markdown.matchAll(BASE_PHRASE)) {
    const offset = phrase.index + phrase[0].length;
    const name = typeNameAt(markdown.slice(offset));
    if (name && !POINTER.test(name)) return { name: name.replace(/^microsoft\.graph\./, ''), offset };
  }
  return undefined;
}

/**
 * The type name that starts `text`: a link (by its text, or by its target when the text is
 * prose), a bold or backticked word, or an identifier.
 */
export function typeNameAt(text: string): string | undefined {
  const link = LINK.exec(text);
  if (link) {
    const label = link[1].replace(/[*`]/g, '');
    return IDENTIFIER.test(label) ? label : typeNameFromLinkTarget(link[2]);
  }
  return FORMATTED_WORD.exec(text)?.[2] ?? PLAIN_IDENTIFIER.exec(text)?.[1];
}
