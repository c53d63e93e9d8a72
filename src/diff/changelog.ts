import type { DiffReport } from './types.js';
import { summaryLines } from './report.js';

export type Bump = 'major' | 'minor' | 'patch';

/**
 * The semver bump a change list calls for: major for a breaking change, minor for any other API
 * change, patch when only the documentation changed (descriptions, places); none when nothing did.
 */
export function bumpOf(report: DiffReport, documentationChanged: boolean): Bump | undefined {
  if (report.summary.breaking > 0) return 'major';
  if (report.summary.nonBreaking > 0) return 'minor';
  return documentationChanged ? 'patch' : undefined;
}

export function nextVersion(version: string, bump: Bump): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) return `${bump} release after ${version}`;
  const [major, minor, patch] = match.slice(1).map(Number);
  return bump === 'major' ? `${major + 1}.0.0` : bump === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

/** One CHANGELOG.md section: the version it calls for, then every change, breaking first. */
export function changelogSection(report: DiffReport, bump: Bump, packageVersion: string): string {
  const lines = [`## ${nextVersion(packageVersion, bump)} (${bump} after ${packageVersion})`, ''];
  if (bump === 'patch') {
    lines.push('Documentation only: no type, property, enum member or operation changed.');
  } else {
    const [counts, ...changes] = summaryLines(report, report.changes.length);
    lines.push(`${counts}.`, '', ...changes.map((line) => `- ${line.trim()}`));
  }
  return `${lines.join('\n')}\n`;
}
