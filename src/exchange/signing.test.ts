// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fromBase64Url, isCanonicalBase64Url, toBase64Url } from './base64url';
import { sha256HexOfText } from './canonical-digest';
import { generateSigningKeyPair, keyFingerprint, publicJwkOf, verifyDigestSignature, webCryptoSigner } from './signing';
import { fromHex } from './canonical-digest';
import { groupFingerprint } from '../domain/fingerprint';

describe('keyFingerprint', () => {
  it('is the SHA-256 of the RFC 7638 thumbprint input, in hex', async () => {
    const jwk = {
      kty: 'EC',
      crv: 'P-256',
      x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
      y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
    } as const;
    // The member order and spelling of RFC 7638 §3.2 for an EC key.
    const input =
      '{"crv":"P-256","kty":"EC","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}';
    expect(await keyFingerprint(jwk)).toBe(await sha256HexOfText(input));
    // Extra members of an exported key (ext, key_ops) do not change it.
    expect(await keyFingerprint(publicJwkOf({ ...jwk, ext: true, key_ops: ['verify'] }))).toBe(
      await keyFingerprint(jwk),
    );
  });

  it('is grouped by four for reading aloud', () => {
    expect(groupFingerprint('3f2a9c1b'.repeat(8))).toBe('3F2A 9C1B '.repeat(8).trim());
  });
});

describe('signatures', () => {
  it('verify with the signing key only', async () => {
    const key = await generateSigningKeyPair();
    const other = await generateSigningKeyPair();
    const digest = 'ab'.repeat(32);
    const signature = toBase64Url(await webCryptoSigner(key).sign(fromHex(digest)));
    expect(signature).toHaveLength(86);
    expect(await verifyDigestSignature(key.publicKeyJwk, digest, signature)).toBe(true);
    expect(await verifyDigestSignature(other.publicKeyJwk, digest, signature)).toBe(false);
    expect(await verifyDigestSignature(key.publicKeyJwk, 'cd'.repeat(32), signature)).toBe(false);
    expect(await verifyDigestSignature(key.publicKeyJwk, digest, 'not base64')).toBe(false);
  });

  it('creates a private key that cannot be exported', async () => {
    const key = await generateSigningKeyPair();
    expect(key.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', key.privateKey)).rejects.toThrow();
  });
});

describe('base64url', () => {
  it('round-trips and accepts only the canonical spelling', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    const one = toBase64Url(new Uint8Array([255]));
    expect(one).toBe('_w');
    expect(isCanonicalBase64Url('_w', 1)).toBe(true);
    // "_x" decodes to the same byte with a non-zero unused bit: another spelling of the same value.
    expect(isCanonicalBase64Url('_x', 1)).toBe(false);
    expect(isCanonicalBase64Url('_w==', 1)).toBe(false);
    expect(isCanonicalBase64Url('_w', 2)).toBe(false);
  });
});
