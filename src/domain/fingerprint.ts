/** "3f2a9c…" → "3F2A 9C1B …": a key fingerprint in sixteen groups of four, easy to read out over the phone. */
export function groupFingerprint(fingerprint: string): string {
  return (fingerprint.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
