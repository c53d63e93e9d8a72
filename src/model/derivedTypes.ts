import type { DerivedTypeStatement, PageResult } from '../read/types.js';
import { pageFileOf } from './links.js';
import { fullNameOf, type Diagnostic, type SourcePlace } from './types.js';

/** What the model builder knows of the object types, for settling what base pages state. */
export interface InheritanceFacts {
  /** The object type a name finds from a namespace, as the builder looks names up; its key. */
  findObject(name: string, namespace: string): string | undefined;
  /** The base a type's own page names (annotation, "Inherits from", a row's "Inherited from"), and where. */
  ownBase(key: string): { key: string; place: SourcePlace } | undefined;
}

export interface StatedBases {
  /** Derived type's key → the base a base page gives it, where its own page names none or a less specific one. */
  bases: Map<string, string>;
  diagnostics: Diagnostic[];
}

interface Statement {
  base: string;
  place: SourcePlace;
}

/**
 * The bases that base pages give the types they name as derived ("the derived types are ...",
 * `## Derived types`). A type's own page has the last word: a base it names that is neither
 * the stated one, nor derived from it, nor one the stated base derives from (the statement being
 * then the more specific) is a `base-type-mismatch` naming both places. A page may list derived
 * types of its derived types: the nearest stated base counts, the farther ones agree with it.
 */
export function settleStatedBases(pages: PageResult[], facts: InheritanceFacts, folderName?: string): StatedBases {
  const stated = statementsByDerivedType(pages, facts, folderName);
  const lineage = (key: string): string[] => {
    const ancestors: string[] = [];
    for (let base = baseOf(key); base && base !== key && !ancestors.includes(base); base = baseOf(base)) ancestors.push(base);
    return ancestors;
  };
  const baseOf = (key: string) => facts.ownBase(key)?.key ?? stated.get(key)?.[0].base;
  const bases = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const mismatch = (place: SourcePlace, reason: string) =>
    diagnostics.push({ ...place, severity: 'warning', ruleId: 'base-type-mismatch', reason });
  for (const [derived, statements] of stated) {
    const nearest = statements.find((candidate) => statements.every((other) => other.base === candidate.base || lineage(candidate.base).includes(other.base)))
      ?? statements[0];
    for (const other of statements) {
      if (other.base === nearest.base || lineage(nearest.base).includes(other.base)) continue;
      mismatch(other.place, `${at(other.place)} lists '${simple(derived)}' among the derived types of '${simple(other.base)}', `
        + `but ${at(nearest.place)} among those of '${simple(nearest.base)}'`);
    }
    if (lineage(nearest.base).includes(derived)) {
      mismatch(nearest.place, `${at(nearest.place)} lists '${simple(derived)}' among the derived types of '${simple(nearest.base)}', which the pages derive from '${simple(derived)}'`);
      continue;
    }
    const own = facts.ownBase(derived);
    if (!own || lineage(nearest.base).includes(own.key)) {
      bases.set(derived, nearest.base);
    } else if (own.key !== nearest.base && !lineage(own.key).includes(nearest.base)) {
      mismatch(nearest.place, `${at(nearest.place)} lists '${simple(derived)}' among the derived types of '${simple(nearest.base)}', `
        + `but its own page names '${simple(own.key)}' as its base at ${at(own.place)}`);
    }
  }
  return { bases, diagnostics };
}

/** Each statement whose base and derived type are object types, by derived type, in page order. */
function statementsByDerivedType(pages: PageResult[], facts: InheritanceFacts, folderName: string | undefined): Map<string, Statement[]> {
  const typesOfPage = new Map(pages.map((page) => [page.file.toLowerCase(), page.objects.map(fullNameOf)]));
  const stated = new Map<string, Statement[]>();
  for (const page of pages) {
    for (const statement of page.derivedTypes) {
      const namespace = statement.baseType.slice(0, statement.baseType.lastIndexOf('.'));
      const base = facts.findObject(statement.baseType, namespace);
      const derived = typeOfLinkedPage(statement, page.file, typesOfPage, folderName) ?? facts.findObject(statement.name, namespace);
      if (!base || !derived || base === derived) continue;
      const list = stated.get(derived) ?? [];
      if (!list.some((known) => known.base === base)) list.push({ base, place: statement.place });
      stated.set(derived, list);
    }
  }
  return stated;
}

/**
 * The type of the linked page that carries the statement's name: a type of another namespace
 * is found by its page (`[alert](security-alert.md)`), where its simple name may find another.
 */
function typeOfLinkedPage(statement: DerivedTypeStatement, fromFile: string, typesOfPage: Map<string, string[]>, folderName: string | undefined): string | undefined {
  const file = statement.target === undefined ? undefined : pageFileOf(statement.target, fromFile, folderName);
  const wanted = simple(statement.name).toLowerCase();
  return file === undefined ? undefined : typesOfPage.get(file.toLowerCase())?.find((key) => simple(key).toLowerCase() === wanted);
}

function simple(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

function at(place: SourcePlace): string {
  return `${place.file}:${place.line}`;
}
