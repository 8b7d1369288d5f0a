/**
 * Trust on first use of the keys that sign establishments' export files (design §4, Trust in files; issue 14).
 *
 * A signature proves only that a file did not change since some installation signed it: anyone can make a valid
 * one. What ties a key to an establishment is the auditor's memory of it. The first key seen for a FINESS is
 * remembered; a file signed by another key is held back until the auditor has compared the two fingerprints with the
 * establishment (by phone or letter) and decided: accept the new key (the old one stays accepted for the files it
 * signed) or keep the old one (the new key is refused and its files stay out of the consolidation).
 *
 * The same decisions drive the app (the trustedKeys store) and the command line (the known-keys file,
 * src/domain/trust/known-keys-file.ts).
 */

/** What the auditor has decided about the keys of one FINESS. */
export interface KeyDecisions {
  /** The key accepted now (first seen, or accepted since). */
  fingerprint: string;
  /** Keys accepted before the current one: the files they signed stay in. */
  previous?: readonly string[] | undefined;
  /** Keys the auditor refused: their files stay out. */
  rejected?: readonly string[] | undefined;
}

/**
 * - `first-seen`: no key was known for this FINESS: this one becomes it;
 * - `same`: the key accepted now; `previous`: a key accepted before it;
 * - `changed`: a key not yet reviewed, other than the accepted one;
 * - `rejected`: a key the auditor refused;
 * - `unsigned`: no signature (accepted, with a warning, unless signatures are required).
 */
export type KeyTrust = 'first-seen' | 'same' | 'previous' | 'changed' | 'rejected' | 'unsigned';

export function judgeKey(known: KeyDecisions | undefined, fingerprint: string | undefined): KeyTrust {
  if (fingerprint === undefined) return 'unsigned';
  if (!known) return 'first-seen';
  if (known.fingerprint === fingerprint) return 'same';
  if (known.previous?.includes(fingerprint)) return 'previous';
  if (known.rejected?.includes(fingerprint)) return 'rejected';
  return 'changed';
}

/** Whether a file signed so counts in the consolidation: anything but a key under review or refused. */
export function isAcceptedKey(trust: KeyTrust): boolean {
  return trust !== 'changed' && trust !== 'rejected';
}

const without = (list: readonly string[] | undefined, value: string) => (list ?? []).filter((v) => v !== value);

/** The decisions once `fingerprint` is accepted: it becomes the key, the key before it stays accepted. */
export function acceptKey<D extends KeyDecisions>(known: D, fingerprint: string): D {
  if (known.fingerprint === fingerprint) return known;
  return {
    ...known,
    fingerprint,
    previous: [...without(known.previous, fingerprint), known.fingerprint],
    rejected: without(known.rejected, fingerprint),
  };
}

/** The decisions once `fingerprint` is refused: the accepted key stays, this one is listed as refused. */
export function rejectKey<D extends KeyDecisions>(known: D, fingerprint: string): D {
  if (known.fingerprint === fingerprint || known.rejected?.includes(fingerprint)) return known;
  return { ...known, rejected: [...(known.rejected ?? []), fingerprint] };
}
