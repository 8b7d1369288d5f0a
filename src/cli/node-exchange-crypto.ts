import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { ExchangeCrypto } from '../exchange/exchange-crypto';

/** The exchange primitives on node:crypto, for the command line (src/exchange/exchange-crypto.ts says why). */
export const nodeExchangeCrypto: ExchangeCrypto = {
  sha256: (data) => Promise.resolve(new Uint8Array(createHash('sha256').update(data).digest())),
  importP256PublicKey: (jwk) => {
    try {
      return Promise.resolve(createPublicKey({ key: { ...jwk }, format: 'jwk' }));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
  verifyP256: (key, signature, message) => {
    const publicKey = key as KeyObject;
    if (publicKey.asymmetricKeyType !== 'ec' || publicKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
      return Promise.resolve(false);
    return Promise.resolve(verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature));
  },
};
