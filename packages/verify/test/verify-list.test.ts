import { beforeAll, describe, expect, it } from 'vitest';
import { isXlicError } from '@xlic/core';
import { buildTrustIndex } from '@xlic/trust';
import { checkListSignature, publisherOf, readSignedList } from '../src/verify-list.js';
import { AT, buildWorld, forge, sign, statusList, type World } from './fixtures/pki.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

function codeAndMessage(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    if (isXlicError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('accepted');
}

describe('readSignedList', () => {
  it('returns the parsed JWS and the validated document', () => {
    const r = readSignedList(w.jpListJws, 'trust-list', 'TRUST_LIST_REJECTED', 'jp.jws');
    expect(r.document.id).toBe('JP-METI-TL');
    expect(r.jws.signatures).toHaveLength(1);
  });

  it('wraps every problem in the reject code, naming the file and the original code', () => {
    const wrongKind = codeAndMessage(() => readSignedList(w.jpListJws, 'status-list', 'STATUS_LIST_REJECTED', 's.jws'));
    expect(wrongKind).toEqual({ code: 'STATUS_LIST_REJECTED', message: expect.stringMatching(/^s\.jws: .*\[JWS_TYP_MISMATCH\]$/) });
    const junk = codeAndMessage(() => readSignedList('nonsense', 'trust-list', 'TRUST_LIST_REJECTED', 'x'));
    expect(junk).toEqual({ code: 'TRUST_LIST_REJECTED', message: expect.stringMatching(/\[JWS_MALFORMED\]$/) });
  });

  it('refuses a list with more than one signature', () => {
    const [h, p, s] = w.jpListJws.split('.');
    const two = JSON.stringify({ payload: p, signatures: [{ protected: h, signature: s }, { protected: h, signature: s }] });
    expect(codeAndMessage(() => readSignedList(two, 'trust-list', 'TRUST_LIST_REJECTED', 'two.jws')).message).toMatch(/exactly one signature/);
  });

  it('refuses a typ that disagrees with the payload, and an invalid payload', async () => {
    const statusAsTrust = await forge(statusList(w.jp, []), w.jp.list, 'xlic-trust-list+jws');
    expect(codeAndMessage(() => readSignedList(statusAsTrust, 'trust-list', 'TRUST_LIST_REJECTED', 'x')).message).toMatch(/payload is not a trust-list/);
    const invalid = await forge({ ...statusList(w.jp, []), sequence: 0 }, w.jp.list, 'xlic-status-list+jws');
    expect(codeAndMessage(() => readSignedList(invalid, 'status-list', 'STATUS_LIST_REJECTED', 'x')).message).toMatch(/payload is not a valid status-list/);
  });
});

describe('checkListSignature', () => {
  it('accepts the publisher own signature and returns the anchor', async () => {
    const read = readSignedList(w.jpListJws, 'trust-list', 'TRUST_LIST_REJECTED', 'jp.jws');
    const index = await buildTrustIndex([{ list: read.document }]);
    const v = await checkListSignature(read, index, [], AT, 'trust-list-publisher', read.document.publisher, 'TRUST_LIST_REJECTED', 'jp.jws');
    expect(v.anchor.agency.agencyId).toBe('METI');
    expect(v.checks.failed).toBe(false);
  });

  it('refuses a signer whose root holds the role but belongs to another agency', async () => {
    const read = readSignedList(await sign(statusList(w.de, []), w.jp.list), 'status-list', 'STATUS_LIST_REJECTED', 'de.jws');
    const index = await buildTrustIndex([{ list: w.jpList }]);
    await expect(checkListSignature(read, index, [], AT, 'status-publisher', publisherOf(read.document), 'STATUS_LIST_REJECTED', 'de.jws')).rejects.toMatchObject({
      code: 'STATUS_LIST_REJECTED',
      message: expect.stringMatching(/signed under the root of METI \(JP\) but published in the name of BAFA \(DE\)/),
    });
  });

  it('refuses a signature made after the verification time', async () => {
    const read = readSignedList(await sign(statusList(w.de, []), w.de.list, new Date(AT.getTime() + 3600_000)), 'status-list', 'STATUS_LIST_REJECTED', 'de.jws');
    const index = await buildTrustIndex([{ list: w.jpList }]);
    await expect(checkListSignature(read, index, [], AT, 'status-publisher', read.document.issuer, 'STATUS_LIST_REJECTED', 'de.jws')).rejects.toMatchObject({ message: expect.stringMatching(/SIGNED_IN_FUTURE/) });
  });
});
