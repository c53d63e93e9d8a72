/**
 * `npm run diff-official`: the properties `diff` finds added and removed from v1.0 to beta,
 * against the same comparison made on the official typings of the corpus's month
 * (`@microsoft/microsoft-graph-types` against `-beta`). Each type's own properties (as declared on
 * it, not inherited) on the types both docs versions and both typings have; then the same on all
 * properties, inherited ones included ("flattened"). The last line is the headline:
 *
 *   diff vs official typings: recall=NN.N% precision=NN.N% (added: …, removed: …)
 *
 * `--diff FILE` reads `diff --format json` output instead of diffing in-process (the models are read
 * either way: they give the types both versions have); `--json FILE` writes every disagreement;
 * `--sample N --seed S` prints N disagreements drawn at random. Exit 2 when it cannot run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareText } from '../src/compareText.js';
import { diffModels } from '../src/diff/compare.js';
import { modelsOf, pairVersions, sideOf } from '../src/diff/sides.js';
import type { Change } from '../src/diff/types.js';
import { fullNameOf, type Model, type ObjectTypeDef } from '../src/model/types.js';
import { CORPUS, REPO_ROOT } from './figures/expected.js';
import { changesBetween, onThePages, percent, sample, scoreChanges, type Disagreement, type PageNames, type PropertyChange, type Score, type Scored } from './official/score.js';
import { flattened, odataKey, readTypings, type TypingInterface } from './official/typings.js';

const TYPINGS = { from: '@microsoft/microsoft-graph-types/microsoft-graph.d.ts', to: '@microsoft/microsoft-graph-types-beta/microsoft-graph.d.ts' };

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: path.join(CORPUS, 'v1.0') },
    to: { type: 'string', default: path.join(CORPUS, 'beta') },
    'from-version': { type: 'string', default: 'v1.0' },
    'to-version': { type: 'string', default: 'beta' },
    diff: { type: 'string' },
    json: { type: 'string' },
    sample: { type: 'string', default: '0' },
    seed: { type: 'string', default: '2021' },
  },
});
const sampleSize = Number(values.sample);
const seed = Number(values.seed);
if (!Number.isInteger(sampleSize) || sampleSize < 0) usage(`--sample takes a count, not '${values.sample}'`);
if (!Number.isInteger(seed)) usage(`--seed takes an integer, not '${values.seed}'`);

// --- the official typings
const require = createRequire(path.join(REPO_ROOT, 'package.json'));
const typingsFile = (spec: string): string => {
  try {
    return require.resolve(spec);
  } catch {
    return usage(`cannot find ${spec}: run npm ci`);
  }
};
const files = { from: typingsFile(TYPINGS.from), to: typingsFile(TYPINGS.to) };
const typings = { from: readTypings(readFileSync(files.from, 'utf8'), files.from), to: readTypings(readFileSync(files.to, 'utf8'), files.to) };

// --- our models and changes
const sideOptions = { fallbackVersion: values['from-version'], docs: values.from };
let models: { from: Model; to: Model; version: string };
try {
  const from = await modelsOf(await sideOf(values.from), sideOptions);
  const to = await modelsOf(await sideOf(values.to), { ...sideOptions, fallbackVersion: values['to-version'] });
  const [pair] = pairVersions(from, to, values['from-version'], values['to-version']);
  models = pair!;
} catch (error) {
  usage((error as Error).message);
}
let changes: Change[];
if (values.diff) {
  try {
    changes = (JSON.parse(readFileSync(values.diff, 'utf8')) as { changes: Change[] }).changes;
  } catch (error) {
    usage(`${values.diff}: not diff --format json output (${(error as Error).message})`);
  }
  changes = changes.filter((change) => change.version === models.version);
  if (changes.length === 0) usage(`${values.diff}: no change for version ${models.version}`);
} else {
  changes = diffModels(models.from, models.to, models.version);
}

// --- the universe: object types of the same kind in both models, whose interface both typings have
const objectTypes = (model: Model): Map<string, ObjectTypeDef> =>
  new Map(model.types.flatMap((type) => (type.kind === 'enum' ? [] : [[fullNameOf(type), type] as const])));
const ours = { from: objectTypes(models.from), to: objectTypes(models.to) };
const inBothModels = [...ours.from.keys()].filter((name) => ours.to.has(name));
const kindChanged = inBothModels.filter((name) => ours.from.get(name)!.kind !== ours.to.get(name)!.kind);
const sameKind = inBothModels.filter((name) => ours.from.get(name)!.kind === ours.to.get(name)!.kind);
const missing = { from: sameKind.filter((name) => !typings.from.has(odataKey(name))), to: sameKind.filter((name) => !typings.to.has(odataKey(name))) };
const byKey = new Map<string, string[]>();
for (const name of sameKind) byKey.set(odataKey(name), [...(byKey.get(odataKey(name)) ?? []), name]);
const sharedKey = [...byKey.values()].filter((names) => names.length > 1).flat();
const universe = new Set(sameKind.filter((name) => typings.from.has(odataKey(name)) && typings.to.has(odataKey(name)) && !sharedKey.includes(name)));

// --- own properties
const official: PropertyChange[] = [...universe].flatMap((name) =>
  changesBetween(name, typings.from.get(odataKey(name))!.own.keys(), typings.to.get(odataKey(name))!.own.keys()));
const propertyChanges = changes.filter((change) => (change.kind === 'property-added' || change.kind === 'property-removed') && change.member !== null);
const oursChanges = propertyChanges.filter((change) => universe.has(change.type))
  .map((change): PropertyChange => ({ type: change.type, property: change.member!, list: change.kind === 'property-added' ? 'added' : 'removed' }));
const own = scoreChanges(official, oursChanges);
const kindChangedOfficial = kindChanged.filter((name) => typings.from.has(odataKey(name)) && typings.to.has(odataKey(name)))
  .flatMap((name) => changesBetween(name, typings.from.get(odataKey(name))!.own.keys(), typings.to.get(odataKey(name))!.own.keys()));

// --- flattened: every property, inherited ones included
const modelBases = (types: Map<string, ObjectTypeDef>) =>
  new Map([...types].map(([name, type]) => [name, { base: type.baseType ?? null, names: type.properties.map((property) => property.name) }]));
const bases = { from: modelBases(ours.from), to: modelBases(ours.to) };
const typingNames = (type: TypingInterface) => type.own.keys();
const flat = scoreChanges(
  [...universe].flatMap((name) => changesBetween(name, flattened(typings.from, odataKey(name), typingNames), flattened(typings.to, odataKey(name), typingNames))),
  [...universe].flatMap((name) => changesBetween(name, flattened(bases.from, name, (type) => type.names), flattened(bases.to, name, (type) => type.names))),
);

// --- report
const pageNames = (side: 'from' | 'to', name: string): PageNames => ({
  own: new Set(ours[side].get(name)?.properties.map((property) => property.name) ?? []),
  all: flattened(bases[side], name, (type) => type.names),
});
const versions = { from: values['from-version'], to: values['to-version'] };
const whereOnPages = (disagreement: Disagreement): string =>
  onThePages(disagreement, { from: pageNames('from', disagreement.type), to: pageNames('to', disagreement.type) }, versions);
const whereabouts = new Map<string, number>();
for (const disagreement of own.disagreements) {
  const where = `${disagreement.side} only, ${disagreement.list}: ${whereOnPages(disagreement)}`;
  whereabouts.set(where, (whereabouts.get(where) ?? 0) + 1);
}
// places are below a version folder: an addition's in the to version, a removal's in the from version
const placeOf = new Map(propertyChanges.map((change) => {
  const [list, side, version] = change.kind === 'property-added' ? ['added', change.to, values['to-version']] : ['removed', change.from, values['from-version']];
  return [`${list} ${change.type} ${change.member}`, side?.place ? `${version}/${side.place}` : null];
}));
const pageOf = (version: string, type: ObjectTypeDef | undefined): string | null => (type?.sources[0] ? `${version}/${type.sources[0].file}:${type.sources[0].line}` : null);
const typingPlace = (side: 'from' | 'to', name: string, property: string): string | null => {
  const type = typings[side].get(odataKey(name));
  if (!type) return null;
  const line = type.own.get(property);
  return `${path.basename(path.dirname(files[side]))}/microsoft-graph.d.ts:${line ?? type.line}${line === undefined ? ` (interface ${type.name})` : ''}`;
};
const detailed = (disagreement: Disagreement) => ({
  ...disagreement,
  onThePages: whereOnPages(disagreement),
  place: placeOf.get(`${disagreement.list} ${disagreement.type} ${disagreement.property}`) ?? null,
  pages: { from: pageOf(values['from-version'], ours.from.get(disagreement.type)), to: pageOf(values['to-version'], ours.to.get(disagreement.type)) },
  typings: { from: typingPlace('from', disagreement.type, disagreement.property), to: typingPlace('to', disagreement.type, disagreement.property) },
});

const row = (label: string, score: Score) =>
  `  ${label.padEnd(9)}${String(score.official).padStart(9)}${String(score.ours).padStart(7)}${String(score.agreed).padStart(8)}${percent(score.recall).padStart(8)}${percent(score.precision).padStart(11)}`;
const table = (title: string, scored: Scored): string[] => {
  const caseOnly = scored.disagreements.filter((disagreement) => disagreement.caseOnly).length;
  return [
    title,
    `  ${'list'.padEnd(9)}${'official'.padStart(9)}${'ours'.padStart(7)}${'agreed'.padStart(8)}${'recall'.padStart(8)}${'precision'.padStart(11)}`,
    row('added', scored.added), row('removed', scored.removed), row('both', scored.both),
    `  disagreements: ${scored.disagreements.length} (official only ${scored.disagreements.filter((d) => d.side === 'official').length}, ours only ${scored.disagreements.filter((d) => d.side === 'ours').length}; ${caseOnly} differ only in case)`,
  ];
};
const drawn = sample(own.disagreements, sampleSize, seed);
const lines = [
  `typings: ${path.relative(REPO_ROOT, files.from)} (${typings.from.size} interfaces), ${path.relative(REPO_ROOT, files.to)} (${typings.to.size} interfaces)`,
  `models: ${ours.from.size} object types in ${values['from-version']}, ${ours.to.size} in ${values['to-version']}; ${inBothModels.length} in both, ${kindChanged.length} of them left out as their kind changed (type-removed + type-added)`,
  `universe: ${universe.size} types (${missing.from.length} lack a ${values['from-version']} interface, ${missing.to.length} a ${values['to-version']} one${sharedKey.length ? `, ${sharedKey.length} share one key` : ''})`,
  `left out with their kind: ${kindChangedOfficial.length} own-property changes by the typings on ${new Set(kindChangedOfficial.map((change) => change.type)).size} of the ${kindChanged.length} types (the diff reports a type-removed and a type-added for them, no property change)`,
  `our changes: ${propertyChanges.length} property-added/removed, ${oursChanges.length} on universe types${values.diff ? ` (read from ${values.diff})` : ''}`,
  ...table('own properties (as declared on each type):', own),
  'own-property disagreements by where the property is on our side (the models read from the pages):',
  ...[...whereabouts].sort(([a, x], [b, y]) => y - x || compareText(a, b)).map(([where, count]) => `  ${String(count).padStart(4)}  ${where}`),
  ...table('flattened (inherited properties included):', flat),
  ...(drawn.length ? [`sample: ${drawn.length} own-property disagreements drawn with seed ${seed}:`, ...drawn.map((disagreement, index) => {
    const { place, pages, typings: where } = detailed(disagreement);
    return `  ${index + 1}. ${disagreement.type} ${disagreement.property} ${disagreement.list}, ${disagreement.side} only${disagreement.caseOnly ? ' (case only)' : ''}: ours ${place ?? '-'}; pages ${pages.from ?? '-'} / ${pages.to ?? '-'}; typings ${where.from ?? '-'} / ${where.to ?? '-'}`;
  })] : []),
  `diff vs official typings: recall=${percent(own.both.recall)} precision=${percent(own.both.precision)} (added: recall=${percent(own.added.recall)} precision=${percent(own.added.precision)}, removed: recall=${percent(own.removed.recall)} precision=${percent(own.removed.precision)}; flattened: recall=${percent(flat.both.recall)} precision=${percent(flat.both.precision)})`,
];
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify({
    universe: universe.size,
    own: { added: own.added, removed: own.removed, both: own.both, disagreements: own.disagreements.map(detailed) },
    flattened: { added: flat.added, removed: flat.removed, both: flat.both, disagreements: flat.disagreements },
    sample: { seed, drawn: drawn.map(detailed) },
  }, null, 2)}\n`);
}
console.log(lines.join('\n'));

function usage(message: string): never {
  console.error(`diff-official: ${message}`);
  process.exit(2);
}
