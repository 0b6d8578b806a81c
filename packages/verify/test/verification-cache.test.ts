import { describe, expect, it } from 'vitest';
import { trustIndexOf } from '@xlic/trust';
import { VerificationCache } from '../src/verification-cache.js';

const fakeKey = {} as CryptoKey;

describe('VerificationCache bounds', () => {
  it('imports a key once per certificate while within bounds', async () => {
    const cache = new VerificationCache(trustIndexOf([]), []);
    let imports = 0;
    const load = async () => {
      imports++;
      return fakeKey;
    };
    await cache.key('CERT-A', 'ES256', load);
    await cache.key('CERT-A', 'ES256', load);
    expect(imports).toBe(1);
  });

  it('starts afresh when the cached x5c would exceed the size budget (crafted inputs cannot grow memory)', async () => {
    const cache = new VerificationCache(trustIndexOf([]), [], 20_000, 40);
    let imports = 0;
    const load = async () => {
      imports++;
      return fakeKey;
    };
    const big = 'X'.repeat(30);
    await cache.key(big, 'ES256', load);
    await cache.key(`${big}Y`, 'ES256', load); // over the 40-character budget: everything is dropped
    await cache.key(big, 'ES256', load); // so this one is imported again
    expect(imports).toBe(3);
  });

  it('starts afresh at the entry limit', async () => {
    const cache = new VerificationCache(trustIndexOf([]), [], 2);
    let imports = 0;
    const load = async () => {
      imports++;
      return fakeKey;
    };
    for (const id of ['A', 'B', 'C', 'A']) await cache.key(id, 'ES256', load);
    expect(imports).toBe(4);
  });
});
