/**
 * Results module: the documents of the one-stop process (forms 01–05, stop notice, the signed result),
 * issued by lifecycle actions through `documentIssuer`, the applicant's personal document store and
 * its reuse at intake (`reuseDocuments`), and the public verification of a registered document.
 */
export { documentIssuer, readBlob } from './service.ts';
export type { PreparedDocument } from './service.ts';
export { reuseCounts, reuseDocuments, verifyStored, verifyUpload } from './access.ts';
export { DOCUMENT_KINDS } from './model.ts';
export type { DocumentKind } from './model.ts';
export type { DocumentRow, ResultsTables, SignerRecord } from './store.ts';
export { resultRoutes, verifyPageRoutes } from './routes.ts';
