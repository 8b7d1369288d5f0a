import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

/** Extensions of export files: the JSON form and the zip form with evidence. */
export const exportExtensions = ['.json', '.zip'] as const;

export interface FileArgument {
  /** As given on the command line, or relative to the folder it was found in. */
  display: string;
  path: string;
  size: number;
}

export type ExpandedArgument = FileArgument | { display: string; path: string; missing: true };

/**
 * The files named on the command line, folders replaced by the export files they hold (recursively, sorted by
 * name), so that `verify exports/` works where the shell's glob would exceed the argument limit (40,000 files).
 */
export async function expandFileArguments(args: readonly string[], cwd: string): Promise<ExpandedArgument[]> {
  const out: ExpandedArgument[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let info;
    try {
      info = await stat(path);
    } catch {
      out.push({ display: arg, path, missing: true });
      continue;
    }
    if (info.isDirectory()) out.push(...(await filesIn(path, arg)));
    else out.push({ display: arg, path, size: info.size });
  }
  return out;
}

async function filesIn(folder: string, display: string): Promise<FileArgument[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: FileArgument[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const shown = join(display, entry.name);
    if (entry.isDirectory()) out.push(...(await filesIn(path, shown)));
    else if (entry.isFile() && (exportExtensions as readonly string[]).includes(extname(entry.name).toLowerCase()))
      out.push({ display: shown, path, size: (await stat(path)).size });
  }
  return out;
}

/** Runs `work` over the items with at most `limit` at a time, and hands each result over in input order. */
export async function forEachInOrder<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  onResult: (result: R, item: T, index: number) => void,
): Promise<void> {
  const pending = new Map<number, R>();
  let next = 0;
  let emitted = 0;
  const flush = () => {
    while (pending.has(emitted)) {
      const result = pending.get(emitted) as R;
      pending.delete(emitted);
      onResult(result, items[emitted] as T, emitted);
      emitted += 1;
    }
  };
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      pending.set(index, await work(items[index] as T));
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
