import { appendFile, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { bumpOf, changelogSection } from '../diff/changelog.js';
import { diffModels } from '../diff/compare.js';
import { diffReport, summaryLines } from '../diff/report.js';
import { readModelFile } from '../diff/sides.js';
import type { DiffReport } from '../diff/types.js';
import { MODEL_FILE } from '../emit/modelJson.js';
import type { VersionOutput } from '../pipeline.js';
import type { VersionInput } from '../read/discover.js';

/** How many changes `check` lists above the files that differ. */
export const CHANGES_LISTED = 20;
export const CHANGELOG_FILE = 'CHANGELOG.md';

export interface ApiChanges {
  report: DiffReport;
  /** Whether anything of the models differs, descriptions and places included. */
  documentationChanged: boolean;
  /** The model files the output folder lacks (a tree generated before they were kept). */
  missing: string[];
}

/** What changed in the API from the model each version's output folder keeps to the model just built. */
export async function apiChangesSince(out: string, versions: { input: VersionInput; output: VersionOutput }[]): Promise<ApiChanges> {
  const changes = [];
  const missing: string[] = [];
  let documentationChanged = false;
  for (const { input, output } of versions) {
    const file = path.join(out, input.outSubdir, MODEL_FILE);
    if (!(await stat(file).catch(() => undefined))) {
      missing.push(file);
      continue;
    }
    const [before] = await readModelFile(file);
    changes.push(...diffModels(before, output.model, input.apiVersion));
    documentationChanged ||= JSON.stringify(before) !== JSON.stringify(output.model);
  }
  return { report: diffReport(`${out} (${MODEL_FILE})`, 'docs', changes), documentationChanged, missing };
}

/** check's summary above the files that differ. */
export function apiChangesSummary(changes: ApiChanges): string[] {
  const cannotTell = changes.missing.map((file) => `API changes: ${file} is missing, so what changed in that version cannot be told`);
  return [...cannotTell, ...summaryLines(changes.report, CHANGES_LISTED)];
}

/** Appends the changes to the output folder's CHANGELOG.md with the bump they call for; says what it did. */
export async function appendChangelog(out: string, changes: ApiChanges): Promise<string> {
  if (changes.missing.length > 0) return `${CHANGELOG_FILE} not updated: ${changes.missing.join(', ')} missing (generate once to keep it)`;
  const bump = bumpOf(changes.report, changes.documentationChanged);
  if (!bump) return `${CHANGELOG_FILE} not updated: no change since the last generated tree`;
  const packageVersion = await readFile(path.join(out, 'package.json'), 'utf8')
    .then((text) => (JSON.parse(text) as { version?: string }).version ?? '0.0.0', () => '0.0.0');
  const file = path.join(out, CHANGELOG_FILE);
  const exists = await stat(file).then(() => true, () => false);
  await appendFile(file, `${exists ? '\n' : '# Changelog\n\n'}${changelogSection(changes.report, bump, packageVersion)}`);
  const { breaking, nonBreaking } = changes.report.summary;
  return `${CHANGELOG_FILE}: ${bump} (${breaking} breaking, ${nonBreaking} not breaking)`;
}
