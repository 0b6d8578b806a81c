export { signDocument, type SignedDocument } from './sign-document.js';
export { cosignDocument } from './cosign.js';
export { checkSigner, purposeFor } from './certificate-check.js';
export type { Signer } from './signer.js';
