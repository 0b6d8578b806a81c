export { checkHeader, MAX_X5C, type CheckedHeader } from './header-policy.js';
export { loadTrust, agencyKey, describeAge, type LoadTrustOptions, type LoadedStatusList, type NamedText, type TrustContext } from './trust-context.js';
export { verifyDocument, type VerifyOptions } from './verify-document.js';
export { readSignedList, checkListSignature } from './verify-list.js';
export { CheckList, type Check, type CheckStatus, type SignatureReport, type VerificationResult } from './result.js';
export { VerificationCache } from './verification-cache.js';
