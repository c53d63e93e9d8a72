/**
 * What `diff` finds between two models: the change list other tools read. Its JSON shape is a
 * contract (diff.schema.json at the repository's root), kept exactly.
 */

export const CHANGE_KINDS = [
  'type-added', 'type-removed', 'base-changed',
  'property-added', 'property-removed', 'property-changed',
  'enum-added', 'enum-removed', 'enum-member-added', 'enum-member-removed',
  'operation-added', 'operation-removed', 'operation-changed', 'permissions-changed',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One side of a change: the thing as the diff's text spells it (signature.ts), and where its page says it. */
export interface ChangeSide {
  value: string;
  /** `resources/user.md:42`, relative to the version folder; null when the side came from nowhere on a page. */
  place: string | null;
}

export interface Change {
  kind: ChangeKind;
  /** The API version; `v1.0..beta` when two differently named versions were compared. */
  version: string;
  /** A type's full name (`microsoft.graph.user`); for an operation, its path. */
  type: string;
  /** The property or enum member; for an operation, its method; null for a whole type. */
  member: string | null;
  breaking: boolean;
  /** The rule that decided `breaking` (README, "API diff"). */
  rule: string;
  from: ChangeSide | null;
  to: ChangeSide | null;
}

export interface DiffReport {
  from: string;
  to: string;
  summary: { breaking: number; nonBreaking: number };
  changes: Change[];
}
