import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

export type EntryRead =
  | { kind: 'hit'; payload: Buffer }
  | { kind: 'missing' }
  | { kind: 'corrupt'; file: string; reason: string };

const CHECKSUM_LENGTH = 64;

/**
 * A folder of entries named by their key. Each entry is its payload after a line holding the
 * payload's SHA-256, so a damaged entry (a disk fault, a hand edit) reads as corrupt rather than as
 * a wrong result. Entries are written to a temporary file and renamed into place: a reader sees a
 * whole entry or none, and two runs writing the same key leave one of their (identical) entries.
 *
 * The file operations are synchronous on purpose: a run reads thousands of small entries, and
 * one blocking read each costs about an eighth of what a promise each costs.
 */
export class EntryStore {
  constructor(readonly dir: string) {}

  read(key: string): EntryRead {
    const file = this.fileOf(key);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'corrupt', file, reason: (error as Error).message };
    }
    if (bytes.length <= CHECKSUM_LENGTH || bytes[CHECKSUM_LENGTH] !== 0x0a) return { kind: 'corrupt', file, reason: 'no checksum line' };
    const payload = bytes.subarray(CHECKSUM_LENGTH + 1);
    if (sha256(payload) !== bytes.toString('latin1', 0, CHECKSUM_LENGTH)) return { kind: 'corrupt', file, reason: 'checksum mismatch' };
    return { kind: 'hit', payload };
  }

  /** Writes an entry; false when the folder cannot be written (the run goes on without caching). */
  write(key: string, payload: Buffer | string): boolean {
    const file = this.fileOf(key);
    const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const temporary = `${file}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, Buffer.concat([Buffer.from(`${sha256(bytes)}\n`, 'latin1'), bytes]));
      renameSync(temporary, file);
      return true;
    } catch {
      rmSync(temporary, { force: true });
      return false;
    }
  }

  /** Marks an entry as just used, for `keepNewest`. */
  touch(key: string): void {
    const now = new Date();
    try {
      utimesSync(this.fileOf(key), now, now);
    } catch {
      // Gone meanwhile (another run pruned it): nothing to keep fresh.
    }
  }

  /** Deletes all but the `count` most recently used entries. */
  keepNewest(count: number): void {
    for (const name of newestFirst(this.dir).slice(count)) {
      try {
        unlinkSync(path.join(this.dir, name));
      } catch {
        // Another run deleted it first.
      }
    }
  }

  private fileOf(key: string): string {
    return path.join(this.dir, key);
  }
}

/**
 * Deletes all but the `count` most recently modified folders beside `dir` in its parent, so a
 * cache does not keep a generation of entries for every build of the generator. A run still
 * using a deleted folder only loses its cache hits: its reads miss and its writes fail quietly.
 */
export function keepNewestSiblings(dir: string, count: number): void {
  const parent = path.dirname(dir);
  const stale = newestFirst(parent).filter((name) => name !== path.basename(dir)).slice(Math.max(0, count - 1));
  for (const name of stale) {
    try {
      rmSync(path.join(parent, name), { recursive: true, force: true });
    } catch {
      // Another run is writing into it: it goes next time.
    }
  }
}

function newestFirst(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => !name.endsWith('.tmp'));
  } catch {
    return [];
  }
  const modified = new Map(names.map((name) => [name, modifiedTime(path.join(dir, name))]));
  return names.sort((a, b) => modified.get(b)! - modified.get(a)!);
}

function modifiedTime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}
