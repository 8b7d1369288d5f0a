import canonicalize from 'canonicalize';
import { exchangeCrypto } from './exchange-crypto';

/**
 * The integrity digest of an export (docs/export-format.md, "Digest and signature"):
 *
 *   digest = lower-case hex of SHA-256( UTF-8( RFC 8785 canonical JSON of the envelope without
 *            its `integrity` and `signature` members ) )
 *
 * RFC 8785 (JSON Canonicalization Scheme) fixes member order (UTF-16 code units), number and string serialisation
 * and removes whitespace, so the digest does not depend on how the file was indented or which JSON library wrote it.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value cannot be canonicalised');
  return text;
}

/** The members the digest covers: everything but `integrity` and `signature`. */
export function digestedPart(envelope: Record<string, unknown>): Record<string, unknown> {
  const { integrity: _integrity, signature: _signature, ...rest } = envelope;
  return rest;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

export async function sha256HexOfText(text: string): Promise<string> {
  return toHex(await exchangeCrypto().sha256(new TextEncoder().encode(text)));
}

/** SHA-256 hex of the canonical JSON of the digested part of an envelope (raw, as parsed from the file). */
export async function computeExportDigest(envelope: Record<string, unknown>): Promise<string> {
  return sha256HexOfText(canonicalJson(digestedPart(envelope)));
}
