import { base64Encode } from '@xlic/core';
import { parseCertificate, parseCrl, validatePath, type PathResult, type TrustIndex, type ValidatePathOptions } from '@xlic/trust';

/**
 * Caches that never change a verdict (a test verifies a corpus with and without them and compares
 * every result). Built once per trust context.
 *
 * - Signer keys are imported once per distinct signer certificate and algorithm.
 * - A certificate path is validated once per distinct x5c, role and purpose, and the result reused
 *   only while both the signing time and the verification time stay inside the same interval between
 *   consecutive "time boundaries" — every instant at which any input of path validation changes
 *   meaning: validity dates of the chain and of every anchor certificate, trust-list windows, CRL
 *   issue and next-update dates, revocation and invalidity dates. Inside such an interval every
 *   comparison validatePath makes has the same outcome, so its result is the same. Only successes
 *   without warnings are cached: failure and warning messages quote the times they were given.
 */
export class VerificationCache {
  private readonly keys = new Map<string, Promise<CryptoKey>>();
  private readonly paths = new Map<string, PathResult>();
  private readonly chainBounds = new Map<string, number[]>();
  private readonly thumbprints = new Map<string, Promise<string>>();
  private readonly globalBounds: number[];

  /** Characters of x5c held by the caches; bounded so crafted inputs cannot grow memory without limit. */
  private held = 0;

  constructor(index: TrustIndex, crls: readonly Uint8Array[], private readonly maxEntries = 20_000, private readonly maxHeld = 16 * 1024 * 1024) {
    const bounds: number[] = [];
    for (const a of index.anchors()) bounds.push(a.validFrom.getTime(), a.validUntil.getTime(), a.parsed.notBefore.getTime(), a.parsed.notAfter.getTime());
    for (const der of crls) {
      try {
        const crl = parseCrl(der);
        bounds.push(crl.thisUpdate.getTime());
        if (crl.nextUpdate) bounds.push(crl.nextUpdate.getTime());
        for (const e of crl.entries) {
          bounds.push(e.revokedAt.getTime());
          if (e.invalidityDate) bounds.push(e.invalidityDate.getTime());
        }
      } catch {
        // validatePath reports the bad CRL itself; nothing to learn about time from it
      }
    }
    this.globalBounds = sortUnique(bounds);
  }

  /** SHA-256 of a certificate, computed once per distinct certificate (`id`: its x5c string). */
  thumbprint(id: string, compute: () => Promise<string>): Promise<string> {
    let p = this.thumbprints.get(id);
    if (!p) {
      this.bounded(this.thumbprints, id);
      p = compute();
      this.thumbprints.set(id, p);
    }
    return p;
  }

  /** The imported signer key for a certificate (`id`: its x5c string) and `alg`, importing it once. */
  key(id0: string, alg: string, importKey: () => Promise<CryptoKey>): Promise<CryptoKey> {
    const id = `${alg}:${id0}`;
    let p = this.keys.get(id);
    if (!p) {
      p = importKey();
      p.catch(() => this.keys.delete(id)); // a failure is re-evaluated (and reported) every time
      this.bounded(this.keys, id);
      this.keys.set(id, p);
    }
    return p;
  }

  /** validatePath, reusing a previous success for the same chain, role, purpose and time slots. */
  async validatePath(options: ValidatePathOptions, x5c?: readonly string[]): Promise<PathResult> {
    const chainId = x5c ? x5c.join('.') : options.chain.map(base64Encode).join('.');
    const bounds = this.boundsFor(chainId, options.chain);
    if (!bounds) return validatePath(options);
    const key = `${chainId}|${options.role ?? ''}|${options.purpose}|${slot(bounds, options.signingTime.getTime())}|${slot(bounds, options.now.getTime())}`;
    const hit = this.paths.get(key);
    if (hit) return hit;
    const result = await validatePath(options);
    if (result.ok && result.warnings.length === 0) {
      this.bounded(this.paths, key);
      this.paths.set(key, result);
    }
    return result;
  }

  private boundsFor(chainId: string, chain: Uint8Array[]): number[] | undefined {
    let b = this.chainBounds.get(chainId);
    if (b) return b;
    const own: number[] = [];
    try {
      for (const der of chain) {
        const c = parseCertificate(der);
        own.push(c.notBefore.getTime(), c.notAfter.getTime());
      }
    } catch {
      return undefined; // unparseable chains are not cached; validatePath reports them
    }
    b = sortUnique([...this.globalBounds, ...own]);
    this.bounded(this.chainBounds, chainId);
    this.chainBounds.set(chainId, b);
    return b;
  }

  private bounded(map: Map<string, unknown>, id = ''): void {
    this.held += id.length;
    if (map.size >= this.maxEntries || this.held > this.maxHeld) {
      // Start afresh: a cache miss only costs time, never a different verdict.
      this.keys.clear();
      this.paths.clear();
      this.chainBounds.clear();
      this.thumbprints.clear();
      this.held = id.length;
    }
  }
}

function sortUnique(values: number[]): number[] {
  return [...new Set(values.filter((v) => Number.isFinite(v)))].sort((a, b) => a - b);
}

/** The interval of `t` among sorted boundaries; an instant equal to a boundary gets its own slot. */
function slot(bounds: number[], t: number): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bounds[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return bounds[lo] === t ? 2 * lo + 1 : 2 * lo;
}
