// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { webExchangeCrypto } from '../exchange/exchange-crypto';
import { generateSigningKeyPair, webCryptoSigner } from '../exchange/signing';
import { nodeExchangeCrypto } from './node-exchange-crypto';

describe('the command line’s exchange primitives (node:crypto)', () => {
  it('give the same answers as WebCrypto', async () => {
    const data = new TextEncoder().encode('{"format":"care-autodiag/export"}');
    expect(await nodeExchangeCrypto.sha256(data)).toEqual(await webExchangeCrypto.sha256(data));

    const pair = await generateSigningKeyPair();
    const message = new Uint8Array(32).fill(7);
    const signature = new Uint8Array(await webCryptoSigner(pair).sign(message));
    const tampered = new Uint8Array(signature);
    tampered[10] = (tampered[10] ?? 0) ^ 1;
    for (const primitives of [webExchangeCrypto, nodeExchangeCrypto]) {
      const key = await primitives.importP256PublicKey(pair.publicKeyJwk);
      expect(await primitives.verifyP256(key, signature, message)).toBe(true);
      expect(await primitives.verifyP256(key, tampered, message)).toBe(false);
      expect(await primitives.verifyP256(key, signature, new Uint8Array(32))).toBe(false);
    }
  });

  it('refuse a point that is not on the curve, as WebCrypto does', async () => {
    const { publicKeyJwk } = await generateSigningKeyPair();
    const x = publicKeyJwk.x;
    const offCurve = { ...publicKeyJwk, x: `${x.slice(0, -2)}${x.endsWith('AA') ? 'AB' : 'AA'}` };
    await expect(webExchangeCrypto.importP256PublicKey(offCurve)).rejects.toThrow();
    await expect(nodeExchangeCrypto.importP256PublicKey(offCurve)).rejects.toThrow();
  });
});
