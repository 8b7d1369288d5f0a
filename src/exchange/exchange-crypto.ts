import type { EcPublicKeyJwk } from './export-format';

/**
 * The two primitives that checking a received file needs, SHA-256 and ECDSA P-256 verification, behind one seam.
 * By default WebCrypto (`crypto.subtle`), which the browser, Web Workers and Node all provide. Node's WebCrypto costs
 * far more per call than its own crypto module (measured on 12 KB: a digest 143 µs against 10 µs, a key import
 * 274 µs against 74 µs), and the command line checks tens of thousands of files: it installs node:crypto here
 * (src/cli/node-exchange-crypto.ts). Both give the same answers; the command-line tests run on the Node one, the
 * app's on WebCrypto.
 */
export interface ExchangeCrypto {
  sha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array>;
  /** A public key ready for {@link ExchangeCrypto.verifyP256}; rejects a key that is not a valid P-256 point. */
  importP256PublicKey(jwk: EcPublicKeyJwk): Promise<unknown>;
  /** ECDSA P-256 with SHA-256 over `message`, the signature in IEEE P1363 form (r ‖ s, 64 bytes). */
  verifyP256(key: unknown, signature: Uint8Array<ArrayBuffer>, message: Uint8Array<ArrayBuffer>): Promise<boolean>;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export const webExchangeCrypto: ExchangeCrypto = {
  sha256: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data)),
  importP256PublicKey: (jwk) => crypto.subtle.importKey('jwk', { ...jwk, ext: true }, ALGORITHM, false, ['verify']),
  verifyP256: (key, signature, message) => crypto.subtle.verify(SIGN, key as CryptoKey, signature, message),
};

let current: ExchangeCrypto = webExchangeCrypto;

export function exchangeCrypto(): ExchangeCrypto {
  return current;
}

/** Replaces the primitives for this realm (the command line, at start). */
export function installExchangeCrypto(implementation: ExchangeCrypto): void {
  current = implementation;
}
