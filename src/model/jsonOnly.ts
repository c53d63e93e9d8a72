import type { PageResult, RawObjectType } from '../read/types.js';
import type { Diagnostic } from './types.js';

/**
 * Properties a page's JSON representation shows but none of its tables lists, on pages that
 * have a Properties table. A property a base type declares is fine: pages often list only their
 * own properties ("inherits the properties of x") and show the inherited ones in the JSON too.
 * `inheritedNames` gives, lower-cased, the property names of a type's ancestors.
 */
export function propertiesNotInTables(pages: PageResult[], inheritedNames: (object: RawObjectType) => Set<string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const object of pages.flatMap((page) => page.objects)) {
    if (!object.hasPropertiesTable) continue;
    const jsonOnly = object.properties.filter((property) => property.inJson && !property.inTable);
    if (jsonOnly.length === 0) continue;
    const inherited = inheritedNames(object);
    for (const property of jsonOnly) {
      if (inherited.has(property.name.toLowerCase())) continue;
      diagnostics.push({
        ...property.source, severity: 'warning', ruleId: 'property-not-in-table',
        reason: `Property '${property.name}' is in the JSON representation but in no properties table`,
      });
    }
  }
  return diagnostics;
}
