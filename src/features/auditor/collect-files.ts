import { isExportFileName } from './import-protocol';

/**
 * The files of a drop, folders walked into (File and Directory Entries API, which Chromium, Firefox and Safari
 * implement as webkitGetAsEntry). Only .json and .zip files are kept from folders; files dropped one by one are all
 * kept, so that a wrong file gets a named refusal rather than silence.
 */
export async function filesOfDrop(dataTransfer: DataTransfer): Promise<File[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(dataTransfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  const files = [...loose];
  for (const entry of entries) {
    if (entry.isFile) files.push(await fileOf(entry as FileSystemFileEntry));
    else if (entry.isDirectory) files.push(...(await filesOfDirectory(entry as FileSystemDirectoryEntry)));
  }
  return files;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** readEntries returns at most 100 entries a call in Chromium: it is called until it returns none. */
async function filesOfDirectory(directory: FileSystemDirectoryEntry): Promise<File[]> {
  const reader = directory.createReader();
  const files: File[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const entry of batch) {
      if (entry.isDirectory) files.push(...(await filesOfDirectory(entry as FileSystemDirectoryEntry)));
      else if (entry.isFile && isExportFileName(entry.name)) files.push(await fileOf(entry as FileSystemFileEntry));
    }
  }
  return files;
}

/** The export files of a folder chosen with the folder picker. */
export function exportFilesOfFolder(list: FileList | null): File[] {
  return Array.from(list ?? []).filter((file) => isExportFileName(file.name));
}
