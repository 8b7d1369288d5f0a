/**
 * base64url without padding (RFC 4648 §5), as JWK members and the signature use it. Only the canonical spelling is
 * accepted (the unused low bits of the last character are zero): otherwise "…A" and "…B" could decode to the same
 * bytes, and a file could be changed without any byte of its meaning changing, which import must not allow.
 */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether `text` is the canonical base64url spelling of exactly `byteLength` bytes. */
export function isCanonicalBase64Url(text: string, byteLength: number): boolean {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return false;
  try {
    const bytes = fromBase64Url(text);
    return bytes.length === byteLength && toBase64Url(bytes) === text;
  } catch {
    return false;
  }
}
