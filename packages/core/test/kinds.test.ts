import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, detectKind } from '../src/kinds.js';

describe('detectKind', () => {
  it.each(DOCUMENT_KINDS.filter((k) => k !== 'party'))('detects %s from documentType', (kind) => {
    expect(detectKind({ documentType: kind })).toBe(kind);
  });
  it('detects a party by its legalName when there is no documentType', () => {
    expect(detectKind({ legalName: 'Schwarzwald Präzisionsmaschinen GmbH' })).toBe('party');
  });
  it('does not accept "party" as a documentType (parties carry none)', () => {
    expect(detectKind({ documentType: 'party', legalName: 'X' })).toBeUndefined();
  });
  it.each([
    ['an unknown documentType', { documentType: 'licence' }],
    ['a documentType in another case', { documentType: 'License' }],
    ['a non-string documentType', { documentType: ['license'] }],
    ['a null documentType', { documentType: null }],
    ['an object with neither field', { id: 'X' }],
    ['an inherited legalName', Object.create({ legalName: 'X' })],
    ['an array', [{ documentType: 'license' }]],
    ['null', null],
    ['a string', 'license'],
    ['a number', 1],
  ])('returns undefined for %s', (_what, doc) => {
    expect(detectKind(doc)).toBeUndefined();
  });
});
