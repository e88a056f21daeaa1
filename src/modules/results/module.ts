import { defineModule } from '../../platform/module.ts';
import { resultRoutes, verifyPageRoutes } from './routes.ts';

/** One-stop documents: receipts, forms and results as signed PDFs, the applicant's store, public verification. */
export const resultsModule = defineModule({
  name: 'results',
  tables: ['signed_documents', 'signed_document_revisions', 'personal_documents', 'document_reuses'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: (ctx) => resultRoutes(ctx, ctx.services.blobs),
  pages: (ctx) => verifyPageRoutes(ctx, ctx.services.blobs),
});
