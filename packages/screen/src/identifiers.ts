import type { Identifier } from '@xlic/core';

/**
 * Normalise an identifier for comparison: upper case, without spaces, dots and dashes
 * (Unicode dashes included). National register numbers carry their issuing country.
 *
 * @example
 * identifierKey({ scheme: 'VAT', value: 'de 123.456-789' }) // 'VAT::DE123456789'
 */
export function identifierKey(id: Identifier): string {
  const value = id.value.normalize('NFKC').toUpperCase().replace(/[\s.\-\u2010-\u2015\u2212]/gu, '');
  const country = id.scheme === 'national-registration' ? (id.issuingCountry ?? '') : '';
  return `${id.scheme}:${country}:${value}`;
}
