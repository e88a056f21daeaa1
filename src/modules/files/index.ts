/** Files module: uploads in the content-addressed blob store, owned by their uploader. */
import { defineModule } from '../../platform/module.ts';
import { openBlobStore, type BlobStore } from './blobs.ts';
import { FILE_PROBLEMS } from './problems.ts';
import type { BlobsHeld } from './purge.ts';
import { purgeJobs } from './purge.ts';
import { fileRoutes } from './routes.ts';

export { fsBlobStore, openBlobStore, s3BlobStore } from './blobs.ts';
export type { BlobStore } from './blobs.ts';
export { attachFiles, ownedFiles, openFile } from './service.ts';
export { insertFile } from './store.ts';
export type { FileRow, MediaType } from './store.ts';
export { DispositionQuery, sendFile } from './routes.ts';
export { pageCount } from './pages.ts';
export { purgeOrphanUploads } from './purge.ts';
export type { BlobsHeld, PurgeResult } from './purge.ts';
export { filePurged } from './events.ts';

declare module '../../platform/module.ts' {
  interface Services {
    /** Where file bytes live (a folder, or S3-compatible storage). */
    blobs: BlobStore;
    /**
     * Whether another module's rows hold the bytes of a hash (the results module: signed documents),
     * asked by the orphan clean-up before it deletes bytes no upload holds any more.
     */
    blobsHeld?: BlobsHeld;
  }
}

/** Uploaded files (scans) and the blob store behind every stored document. */
export const filesModule = defineModule({
  name: 'files',
  tables: ['files'],
  migrations: new URL('./migrations/', import.meta.url),
  problems: FILE_PROBLEMS,
  // A caller that brings its own store (tests) keeps it.
  provides: async (ctx) => ({ blobs: (ctx.services as Partial<typeof ctx.services>).blobs ?? (await openBlobStore(ctx.config)) }),
  routes: (ctx) => fileRoutes(ctx, ctx.services.blobs),
  jobs: (ctx) => purgeJobs(ctx),
});
