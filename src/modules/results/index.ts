/**
 * Results module: the documents of the one-stop process (forms 01–05, stop notice, the signed result),
 * issued by lifecycle actions through `documentIssuer`, the applicant's personal document store and
 * its reuse at intake (`reuseDocuments`), and the public verification of a registered document.
 */
import { defineModule } from '../../platform/module.ts';
import { resultRoutes, verifyPageRoutes } from './routes.ts';
import { documentIssuer } from './service.ts';
import { reuseDocuments } from './access.ts';
import { RESULT_PROBLEMS } from './problems.ts';
import { blobHeld } from './store.ts';

export { documentIssuer, readBlob, recordDocuments } from './service.ts';
export { prepareReceipt } from './receipt.ts';
export type { ReceiptInput } from './receipt.ts';
export type { PreparedDocument } from './service.ts';
export { reuseCounts, reuseDocuments, verifyStored, verifyUpload } from './access.ts';
export { DOCUMENT_KINDS } from './model.ts';
export { documentIssued, documentReused } from './events.ts';
export { documentFacts } from './store.ts';
export { certifyCopy } from './certify.ts';
export { resultRoutes, verifyPageRoutes } from './routes.ts';
export type { DocumentKind } from './model.ts';
export type { DocumentRow, ResultsTables, SignerRecord } from './store.ts';

/** One-stop documents: receipts, forms and results as signed PDFs, the applicant's store, public verification. */
export const resultsModule = defineModule({
  name: 'results',
  tables: ['signed_documents', 'signed_document_revisions', 'personal_documents', 'document_reuses'],
  migrations: new URL('./migrations/', import.meta.url),
  problems: RESULT_PROBLEMS,
  // blobsHeld: the orphan clean-up of uploads keeps bytes that are also a signed document.
  provides: (ctx) => ({ documents: documentIssuer(ctx.services.blobs), documentReuse: reuseDocuments, blobsHeld: blobHeld }),
  routes: (ctx) => resultRoutes(ctx, ctx.services.blobs),
  pages: (ctx) => verifyPageRoutes(ctx, ctx.services.blobs),
});
