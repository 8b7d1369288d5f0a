import type { DeclarationProof, WindowReadiness } from './declaration-readiness';

/**
 * Where each proof goes in the declaration pack (issue 18): `<objective id>/<file name>`, a folder per official
 * objective, holding the proofs that count for its items (valid on the snapshot's date, or under no validity rule;
 * expired and undated ones are listed on the cover, not sent). A proof that serves two objectives is in both folders.
 * Names are made safe on every system and unique in their folder (« 2-plan.pdf » beside « plan.pdf »).
 */
export interface PackEntry<P extends DeclarationProof = DeclarationProof> {
  objectiveId: string;
  proof: P;
  path: string;
}

/** A file or folder name safe on every system: no path, no control or reserved characters, at most 100 characters. */
export function safePackName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/^\.+/, '_')
    .trim();
  return (cleaned || 'file').slice(0, 100);
}

/** The name of the cover in the pack, at its root. */
export const PACK_COVER_NAME = '00-dossier-de-declaration.pdf';

export function listPackEntries<P extends DeclarationProof>(readiness: WindowReadiness<P>): PackEntry<P>[] {
  const used = new Set<string>([PACK_COVER_NAME.toLowerCase()]);
  const entries: PackEntry<P>[] = [];
  for (const { objective, items } of readiness.objectives) {
    const folder = `${safePackName(objective.id)}/`;
    for (const item of items) {
      for (const reading of item.proofs) {
        if (!reading.counts) continue;
        const base = safePackName(reading.proof.name);
        let path = `${folder}${base}`;
        // Compared without case: Windows and macOS would put two names that differ only by case in one file.
        for (let n = 2; used.has(path.toLowerCase()); n += 1) path = `${folder}${n}-${base}`;
        used.add(path.toLowerCase());
        entries.push({ objectiveId: objective.id, proof: reading.proof, path });
      }
    }
  }
  return entries;
}
