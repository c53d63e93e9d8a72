import { compareText } from '../compareText.js';
import { fullNameOf, type Model, type ObjectTypeDef, type PrimitiveName, type PropertyDef, type TypeDef } from '../model/types.js';
import { GENERATED_MARKER } from './header.js';

type Schema = Record<string, unknown>;

const STRING_PRIMITIVES = new Set<PrimitiveName>(['String', 'Guid', 'Date', 'DateTimeOffset', 'TimeOfDay', 'Duration', 'Binary']);
const INTEGER_PRIMITIVES = new Set<PrimitiveName>(['Int16', 'Int32', 'Int64', 'Byte', 'SByte']);
const FLOAT_PRIMITIVES = new Set<PrimitiveName>(['Single', 'Double', 'Decimal']);

/** The file `--emit json-schema` adds to each version's output. */
export const JSON_SCHEMA_FILE = 'schema.json';

/**
 * `schema.json`: a JSON Schema (draft-07) with a definition for every type of the model, by full
 * name (`#/definitions/microsoft.graph.user`), for tools that validate with JSON Schema. Its
 * `$comment` starts with the generated-file marker, so the writer knows it for its own.
 */
export function jsonSchemaDocument(model: Model): string {
  const names = model.types.map(fullNameOf).sort(compareText);
  const { definitions } = definitionsReaching(model, names);
  const document = {
    $comment: `${GENERATED_MARKER}: Microsoft Graph ${model.apiVersion} types as JSON Schema`,
    $schema: 'http://json-schema.org/draft-07/schema#',
    definitions: Object.fromEntries(names.map((name) => [name, definitions[name]])),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * A JSON Schema (draft-07) for one type of the model, with every type it reaches as a definition
 * (the bench's speed anchor for the generated guards). Both ask what the guards ask by default
 * (types, nullability, enum members, Graph's "NaN"/"INF" floats; extra properties allowed, no
 * string formats) but not the dispatch on `@odata.type` to derived types.
 */
export function jsonSchemaFor(model: Model, fullName: string): Schema {
  const { root, definitions } = definitionsReaching(model, [fullName]);
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...root, definitions };
}

/** The definitions of the named types and of every type they reach, and a reference to the first. */
function definitionsReaching(model: Model, fullNames: string[]): { root: Schema; definitions: Record<string, Schema> } {
  const types = new Map(model.types.map((type) => [fullNameOf(type).toLowerCase(), type]));
  const definitions: Record<string, Schema> = {};
  const typeOf = (name: string): TypeDef => {
    const type = types.get(name.toLowerCase());
    if (!type) throw new Error(`No type ${name} in the ${model.apiVersion} model`);
    return type;
  };
  const reference = (name: string): Schema => {
    const type = typeOf(name);
    const id = fullNameOf(type);
    if (!(id in definitions)) {
      definitions[id] = {};
      definitions[id] = type.kind === 'enum' ? enumSchema(type.flags, type.members.map((member) => member.name)) : objectSchema(type);
    }
    return { $ref: `#/definitions/${id}` };
  };
  const propertySchema = (property: PropertyDef): Schema => {
    const single = property.type.kind === 'primitive' ? primitiveSchema(property.type.name) : reference(property.type.fullName);
    const value = property.collection ? { type: 'array', items: single } : single;
    return property.nullable ? orNull(value) : value;
  };
  const objectSchema = (type: ObjectTypeDef): Schema => {
    // No prototype: a property may be called `__proto__`.
    const properties: Record<string, Schema> = Object.create(null) as Record<string, Schema>;
    for (let current: ObjectTypeDef | undefined = type; current; ) {
      for (const property of current.properties) properties[property.name] ??= propertySchema(property);
      const base: TypeDef | undefined = current.baseType ? typeOf(current.baseType) : undefined;
      current = base?.kind === 'enum' || base === type ? undefined : base;
    }
    return { type: 'object', properties };
  };
  const [root] = fullNames.map(reference);
  return { root, definitions };
}

/**
 * Null as well: `type: [t, "null"]` where the schema is a bare type, else null as the second
 * choice of an anyOf, so a value that is not null passes the first choice without ajv building
 * an error for the null branch (which made the anchor several times slower).
 */
function orNull(schema: Schema): Schema {
  const keys = Object.keys(schema);
  if (keys.length === 0) return schema;
  if (keys.length === 1 && typeof schema.type === 'string') return { type: [schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

function primitiveSchema(name: PrimitiveName): Schema {
  if (STRING_PRIMITIVES.has(name)) return { type: 'string' };
  if (INTEGER_PRIMITIVES.has(name)) return { type: 'integer' };
  if (FLOAT_PRIMITIVES.has(name)) return { anyOf: [{ type: 'number' }, { enum: ['NaN', 'INF', '-INF'] }] };
  if (name === 'Boolean') return { type: 'boolean' };
  return {};
}

function enumSchema(flags: boolean, members: string[]): Schema {
  if (!flags) return { enum: members };
  const member = members.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return { type: 'string', pattern: `^\\s*(?:${member})\\s*(?:,\\s*(?:${member})\\s*)*$` };
}
