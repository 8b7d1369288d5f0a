import { fromBase64Url, isCanonicalBase64Url } from './base64url';
import { canonicalJson, fromHex, sha256HexOfText } from './canonical-digest';
import type { EcPublicKeyJwk } from './export-format';
import { exchangeCrypto } from './exchange-crypto';

/**
 * Signing of export files with ECDSA P-256 and SHA-256 through WebCrypto, which the browser, Web Workers and Node 20
 * all provide (`crypto.subtle`), so the app, the command line and the test-data generator share this code.
 *
 * Each installation creates one key pair once; its private key is not extractable. The signature is over the 32
 * bytes of the export's digest, in the IEEE P1363 form WebCrypto produces (r ‖ s, 64 bytes), base64url-encoded.
 * Whoever receives the file checks the key's fingerprint with the establishment by another channel (phone, letter,
 * the printed report) the first time, then the app remembers it for that FINESS (trust on first use).
 */

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** Whatever can sign a digest: this installation's key in the browser, a generated key in Node. */
export interface ExportSigner {
  readonly publicKeyJwk: EcPublicKeyJwk;
  /** {@link keyFingerprint} of the public key. */
  readonly keyFingerprint: string;
  /** Signs the message with ECDSA P-256 / SHA-256 and returns the 64-byte P1363 signature. */
  sign(message: Uint8Array<ArrayBuffer>): Promise<Uint8Array>;
}

/** The members of a public JWK that identify the key (RFC 7638 §3.2 for "EC"), without `ext`, `key_ops`, `d`… */
export function publicJwkOf(jwk: JsonWebKey): EcPublicKeyJwk {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') {
    throw new TypeError('not a P-256 public key');
  }
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

/**
 * The key's fingerprint: SHA-256, in lower-case hex, of the RFC 8785 canonical JSON of {crv, kty, x, y}. That string
 * is exactly the RFC 7638 JWK thumbprint input, so the fingerprint is the RFC 7638 thumbprint written in hex.
 */
export async function keyFingerprint(jwk: EcPublicKeyJwk): Promise<string> {
  const cacheKey = `${jwk.x}.${jwk.y}`;
  const known = fingerprints.get(cacheKey);
  if (known !== undefined) return known;
  const fingerprint = await sha256HexOfText(canonicalJson(publicJwkOf(jwk)));
  remember(fingerprints, cacheKey, fingerprint);
  return fingerprint;
}

// An auditor's folder holds many files signed by few keys (one per installation): fingerprints and imported keys
// are kept for the next file. Bounded, so that a folder of hostile files cannot grow them without limit.
const CACHE_SIZE = 1000;
const fingerprints = new Map<string, string>();
const verifyKeys = new Map<string, Promise<unknown>>();

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, value);
}

export interface GeneratedKeyPair {
  privateKey: CryptoKey;
  publicKeyJwk: EcPublicKeyJwk;
  fingerprint: string;
}

/** A new P-256 key pair whose private key cannot be exported (it never leaves the installation). */
export async function generateSigningKeyPair(): Promise<GeneratedKeyPair> {
  const pair = await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
  const publicKeyJwk = publicJwkOf(await crypto.subtle.exportKey('jwk', pair.publicKey));
  return { privateKey: pair.privateKey, publicKeyJwk, fingerprint: await keyFingerprint(publicKeyJwk) };
}

export function webCryptoSigner(key: GeneratedKeyPair): ExportSigner {
  return {
    publicKeyJwk: key.publicKeyJwk,
    keyFingerprint: key.fingerprint,
    sign: async (message) => new Uint8Array(await crypto.subtle.sign(SIGN, key.privateKey, message)),
  };
}

/** Whether `signature` (base64url P1363) signs the digest (hex) with this key. False for any malformed input. */
export async function verifyDigestSignature(
  jwk: EcPublicKeyJwk,
  digestHex: string,
  signature: string,
): Promise<boolean> {
  try {
    if (!isCanonicalBase64Url(signature, 64)) return false;
    const cacheKey = `${jwk.x}.${jwk.y}`;
    let key = verifyKeys.get(cacheKey);
    if (!key) {
      key = exchangeCrypto().importP256PublicKey(publicJwkOf(jwk));
      // A key that fails to import is not kept: the next file gets its own attempt (and its own refusal).
      key.catch(() => verifyKeys.delete(cacheKey));
      remember(verifyKeys, cacheKey, key);
    }
    return await exchangeCrypto().verifyP256(await key, fromBase64Url(signature), fromHex(digestHex));
  } catch {
    return false;
  }
}
