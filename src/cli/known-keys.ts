import { readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { judgeKey, type KeyTrust } from '../domain/trust/key-trust';
import { readKnownKeys, writeKnownKeys, type KnownKey } from '../domain/trust/known-keys-file';
import { describeCommandLineError } from '../texts/describe-error';
import type { CliContext } from './cli-context';

/**
 * The known-keys file of `verify` and `consolidate` (`--known-keys <file>`, format in
 * src/domain/trust/known-keys-file.ts): read once before the files, judged against for each signed file, written back
 * once at the end with the keys seen for the first time. A file that does not exist yet starts empty.
 *
 * The result never depends on the order the files are read in: a FINESS unknown at the start takes its key from this
 * run only when every file of the run names the same one; when two files of a new FINESS are signed by different
 * keys, both are accepted for this run, nothing is remembered, and the FINESS is reported (conflicts) for the auditor
 * to check before trusting either.
 */
export class KnownKeys {
  private readonly seen = new Map<string, Set<string>>();

  private constructor(
    readonly path: string,
    private readonly known: Map<string, KnownKey>,
  ) {}

  /** Reads the file; undefined after printing why (file and field) when it cannot be used. */
  static async open(argument: string, context: CliContext): Promise<KnownKeys | undefined> {
    const path = resolve(context.cwd, argument);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new KnownKeys(path, new Map());
      context.err(
        describeCommandLineError(context.t, 'known-keys-unreadable', {
          file: argument,
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
      return undefined;
    }
    const read = readKnownKeys(text);
    if (!read.ok) {
      context.err(
        describeCommandLineError(context.t, 'known-keys-invalid', {
          file: argument,
          field: read.path,
          reason: read.detail,
        }),
      );
      return undefined;
    }
    return new KnownKeys(path, read.keys);
  }

  /** The key remembered for a FINESS, as the file had it. */
  knownFingerprint(finess: string): string | undefined {
    return this.known.get(finess)?.fingerprint;
  }

  /** How a file of this FINESS signed by this key stands; a new FINESS's key is noted for {@link save}. */
  judge(finess: string, fingerprint: string | undefined): KeyTrust {
    const trust = judgeKey(this.known.get(finess), fingerprint);
    if (trust === 'first-seen' && fingerprint !== undefined) {
      const keys = this.seen.get(finess) ?? new Set<string>();
      keys.add(fingerprint);
      this.seen.set(finess, keys);
    }
    return trust;
  }

  /** New FINESS whose files came signed by more than one key: nothing is remembered for them. */
  conflicts(): string[] {
    return [...this.seen].filter(([, keys]) => keys.size > 1).map(([finess]) => finess);
  }

  /** Writes the file back with the keys seen for the first time (through a temporary file, then a rename). */
  async save(now: Date = new Date()): Promise<number> {
    let added = 0;
    for (const [finess, keys] of this.seen) {
      const [fingerprint] = keys;
      if (keys.size !== 1 || fingerprint === undefined) continue;
      this.known.set(finess, { finess, fingerprint, firstSeenAt: now.toISOString() });
      added += 1;
    }
    if (added === 0) return 0;
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, writeKnownKeys(this.known.values()), 'utf8');
    await rename(temporary, this.path);
    return added;
  }
}
