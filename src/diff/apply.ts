import type { Change } from './types.js';
import { parseBase, parseEnum, parseObject, parseOperation } from './signature.js';
import { operationKey, type Entry, type OperationView, type TypeView, type VersionView } from './view.js';

export class ApplyError extends Error {
  override name = 'ApplyError';
}

/**
 * One version's view with a change list applied, in the list's order: what the list claims the
 * other side is. `diff`'s exactness test holds it equal to the other side's own view.
 */
export function applyChanges(view: VersionView, changes: Change[]): VersionView {
  const types = new Map([...view.types].map(([name, type]) => [name, { ...type, members: new Map(type.members) }]));
  const operations = new Map([...view.operations].map(([key, operation]) => [key, { ...operation }]));
  for (const change of changes) {
    const fail = (why: string): never => {
      throw new ApplyError(`${change.kind} ${change.type}${change.member ? ` ${change.member}` : ''}: ${why}`);
    };
    const target = (): TypeView => types.get(change.type) ?? fail('no such type');
    const after = (): Entry => change.to ?? fail('no "to" side');
    switch (change.kind) {
      case 'type-added':
      case 'enum-added':
        if (types.has(change.type)) fail('already there');
        types.set(change.type, typeFromText(change.kind, after()));
        break;
      case 'type-removed':
      case 'enum-removed':
        if (!types.delete(change.type)) fail('not there');
        break;
      case 'base-changed': {
        const type = target();
        if (type.category !== 'object') fail('not an object type');
        types.set(change.type, { ...type, base: parseBase(after().value) } as TypeView);
        break;
      }
      case 'property-added':
      case 'enum-member-added':
      case 'property-changed':
        target().members.set(change.member ?? fail('no member'), after());
        break;
      case 'property-removed':
      case 'enum-member-removed':
        if (!target().members.delete(change.member ?? fail('no member'))) fail('not there');
        break;
      case 'operation-added': {
        const key = operationKey(change.type, change.member ?? fail('no method'));
        if (operations.has(key)) fail('already there');
        operations.set(key, { place: after().place, ...parseOperation(after().value) });
        break;
      }
      case 'operation-removed':
        if (!operations.delete(operationKey(change.type, change.member ?? fail('no method')))) fail('not there');
        break;
      case 'operation-changed':
      case 'permissions-changed': {
        const operation = operations.get(operationKey(change.type, change.member ?? fail('no method'))) ?? fail('no such operation');
        const value = after().value;
        const aspect: keyof OperationView = change.kind === 'permissions-changed' ? 'permissions' : value.startsWith('request: ') ? 'request' : 'response';
        operation[aspect] = change.kind === 'permissions-changed' ? value : value.slice(`${aspect}: `.length);
        break;
      }
    }
  }
  return { types, operations };
}

function typeFromText(kind: 'type-added' | 'enum-added', entry: Entry): TypeView {
  const memberEntries = (members: [string, string][]) => new Map(members.map(([name, value]) => [name, { value, place: null }]));
  if (kind === 'enum-added') {
    const shape = parseEnum(entry.value);
    return { category: 'enum', flags: shape.flags, place: entry.place, members: memberEntries(shape.members.map((name) => [name, name])) };
  }
  const shape = parseObject(entry.value);
  return { category: 'object', kind: shape.kind, base: shape.base, place: entry.place, members: memberEntries(shape.properties) };
}
