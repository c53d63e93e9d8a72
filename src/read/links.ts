import type { Root } from 'mdast';

/** A link in a piece of markdown: where it points and where it starts. */
export interface LinkInText {
  target: string;
  /** Offset of the link's `[` in the markdown. */
  offset: number;
}

/** `[label](target)`, `[label][reference]`, `[label][]` and `[label]`; an image's `!` is left out by the caller's text. */
const LINK = /\[((?:[^\]\\]|\\.)*)\](?:\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)|\[((?:[^\]\\]|\\.)*)\])?/g;

/** The page's link reference definitions (`[user]: user.md`), by normalized label. */
export function linkDefinitions(tree: Root): Map<string, string> {
  const definitions = new Map<string, string>();
  for (const node of tree.children) {
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  }
  return definitions;
}

/** The links of a piece of markdown, reference links resolved by the page's definitions; undefined references are no links. */
export function linksIn(markdown: string, definitions: ReadonlyMap<string, string>): LinkInText[] {
  const links: LinkInText[] = [];
  for (const match of markdown.matchAll(LINK)) {
    const [, label, destination, reference] = match;
    const target = destination ?? definitions.get(normalizeLabel(reference || label));
    if (target) links.push({ target, offset: match.index });
  }
  return links;
}

/** As CommonMark matches labels: case-insensitive, inner whitespace collapsed (mdast's `identifier`). */
function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase();
}
