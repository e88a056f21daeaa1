/** Files module: uploads in the content-addressed blob store, owned by their uploader. */
export { fsBlobStore, openBlobStore, s3BlobStore } from './blobs.ts';
export type { BlobStore } from './blobs.ts';
export { ownedFiles, openFile } from './service.ts';
export { insertFile } from './store.ts';
export type { FileRow, MediaType } from './store.ts';
export { sendFile } from './routes.ts';
