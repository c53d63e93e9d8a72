import type { Model } from '../model/types.js';
import { compareText } from '../compareText.js';
import type { Change, ChangeKind } from './types.js';
import {
  ADDITION, baseChange, KIND_CHANGED_ADDITION, KIND_CHANGED_REMOVAL, MOVED_TO_BASE,
  permissionsChange, propertyChange, REMOVAL, requestChange, responseChange, type RuleContext, type Verdict,
} from './rules.js';
import { parsePermissions, baseText } from './signature.js';
import { typeText, viewOf, wholeOperationText, type Entry, type OperationView, type TypeView, type VersionView } from './view.js';

/** Every change from one version's model to another's, in a stable order (see sortChanges). */
export function diffModels(from: Model, to: Model, version: string): Change[] {
  return diffViews(viewOf(from), viewOf(to), version);
}

export function diffViews(from: VersionView, to: VersionView, version: string): Change[] {
  const changes: Change[] = [];
  const context = ruleContext(from, to);
  const add = (kind: ChangeKind, type: string, member: string | null, verdict: Verdict, before: Entry | null, after: Entry | null) =>
    changes.push({ kind, version, type, member, ...verdict, from: before, to: after });

  for (const [name, before] of from.types) {
    const after = to.types.get(name);
    const whole = (view: TypeView): Entry => ({ value: typeText(view), place: view.place });
    const category = (view: TypeView) => (view.category === 'enum' ? 'enum' : 'type');
    if (!after) {
      add(`${category(before)}-removed`, name, null, REMOVAL[category(before)], whole(before), null);
    } else if (!sameKind(before, after)) {
      add(`${category(before)}-removed`, name, null, KIND_CHANGED_REMOVAL, whole(before), null);
      add(`${category(after)}-added`, name, null, KIND_CHANGED_ADDITION, null, whole(after));
    } else {
      if (before.category === 'object' && after.category === 'object' && before.base !== after.base) {
        add('base-changed', name, null, baseChange(name, before.base, context),
          { value: baseText(before.base), place: before.place }, { value: baseText(after.base), place: after.place });
      }
      diffMembers(name, before, after, context, add);
    }
  }
  for (const [name, after] of to.types) {
    if (from.types.has(name)) continue;
    const category = after.category === 'enum' ? 'enum' : 'type';
    add(`${category}-added`, name, null, ADDITION[category], null, { value: typeText(after), place: after.place });
  }
  diffOperations(from.operations, to.operations, add);
  return sortChanges(changes);
}

type Add = (kind: ChangeKind, type: string, member: string | null, verdict: Verdict, before: Entry | null, after: Entry | null) => void;

function sameKind(a: TypeView, b: TypeView): boolean {
  if (a.category === 'enum' && b.category === 'enum') return a.flags === b.flags;
  return a.category === 'object' && b.category === 'object' && a.kind === b.kind;
}

type DiffContext = RuleContext & { to: VersionView };

function diffMembers(name: string, before: TypeView, after: TypeView, context: DiffContext, add: Add): void {
  const isEnum = before.category === 'enum';
  const [addedKind, removedKind] = isEnum ? ['enum-member-added', 'enum-member-removed'] as const : ['property-added', 'property-removed'] as const;
  const what = isEnum ? 'enum-member' : 'property';
  for (const [member, entry] of before.members) {
    const now = after.members.get(member);
    if (!now) {
      add(removedKind, name, member, !isEnum && inheritedInTo(name, member, entry, context) ? MOVED_TO_BASE : REMOVAL[what], entry, null);
    } else if (now.value !== entry.value) {
      add('property-changed', name, member, propertyChange(entry.value, now.value, context), entry, now);
    }
  }
  for (const [member, entry] of after.members) {
    if (!before.members.has(member)) add(addedKind, name, member, ADDITION[what], null, entry);
  }
}

function inheritedInTo(name: string, member: string, entry: Entry, context: DiffContext): boolean {
  return context.ancestorsInTo(name).some((ancestor) => context.to.types.get(ancestor)?.members.get(member)?.value === entry.value);
}

function diffOperations(from: Map<string, OperationView>, to: Map<string, OperationView>, add: Add): void {
  const split = (key: string): [string, string] => {
    const space = key.lastIndexOf(' ');
    return [key.slice(0, space), key.slice(space + 1)];
  };
  for (const [key, before] of from) {
    const [path, method] = split(key);
    const after = to.get(key);
    if (!after) {
      add('operation-removed', path, method, REMOVAL.operation, { value: wholeOperationText(before), place: before.place }, null);
      continue;
    }
    const side = (view: OperationView, value: string): Entry => ({ value, place: view.place });
    if (before.request !== after.request) {
      add('operation-changed', path, method, requestChange(before.request, after.request), side(before, `request: ${before.request}`), side(after, `request: ${after.request}`));
    }
    if (before.response !== after.response) {
      add('operation-changed', path, method, responseChange(before.response, after.response), side(before, `response: ${before.response}`), side(after, `response: ${after.response}`));
    }
    if (before.permissions !== after.permissions) {
      add('permissions-changed', path, method, permissionsChange(parsePermissions(before.permissions), parsePermissions(after.permissions)),
        side(before, before.permissions), side(after, after.permissions));
    }
  }
  for (const [key, after] of to) {
    if (from.has(key)) continue;
    const [path, method] = split(key);
    add('operation-added', path, method, ADDITION.operation, null, { value: wholeOperationText(after), place: after.place });
  }
}

function ruleContext(from: VersionView, to: VersionView): DiffContext {
  const ancestors = new Map<string, string[]>();
  const ancestorsInTo = (fullName: string): string[] => {
    let found = ancestors.get(fullName);
    if (!found) {
      found = [];
      const seen = new Set([fullName]);
      for (let view = to.types.get(fullName); view?.category === 'object' && view.base !== null && !seen.has(view.base); view = to.types.get(view.base)) {
        found.push(view.base);
        seen.add(view.base);
      }
      ancestors.set(fullName, found);
    }
    return found;
  };
  return {
    to,
    isEnum: (side, fullName) => (side === 'from' ? from : to).types.get(fullName)?.category === 'enum',
    ancestorsInTo,
  };
}

const KIND_ORDER = new Map<string, number>([
  'type-removed', 'enum-removed', 'type-added', 'enum-added', 'base-changed', 'property-removed', 'property-changed', 'property-added',
  'enum-member-removed', 'enum-member-added', 'operation-removed', 'operation-changed', 'permissions-changed', 'operation-added',
].map((kind, index) => [kind, index]));

/** By version, type (or path), then kind (removals before additions, so a list applies in order), then member. */
export function sortChanges(changes: Change[]): Change[] {
  return changes.sort((a, b) =>
    compareText(a.version, b.version) || compareText(a.type, b.type) || KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!
    || compareText(a.member ?? '', b.member ?? '') || compareText(a.from?.value ?? '', b.from?.value ?? '') || compareText(a.to?.value ?? '', b.to?.value ?? ''));
}
