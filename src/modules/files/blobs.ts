/**
 * Content-addressed blob storage: a file's bytes are stored once under their SHA-256.
 * Local disk by default (FILES_DIR/ab/cd/<sha256>); any S3-compatible store as an option.
 */
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../../config.ts';

export interface BlobStore {
  /** Moves the temporary file into the store under its hash (a no-op if that content is stored). */
  put(tempPath: string, sha256: string, mediaType: string): Promise<void>;
  get(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /** Removes the bytes of this hash (no error when absent). The caller has checked nothing holds them. */
  delete(sha256: string): Promise<void>;
  /** Where uploads are spooled before they are checked. */
  tempDir: string;
}

export function fsBlobStore(root: string): BlobStore {
  const pathOf = (h: string) => join(root, h.slice(0, 2), h.slice(2, 4), h);
  const exists = async (h: string) => stat(pathOf(h)).then(() => true, () => false);
  return {
    tempDir: join(root, 'tmp'),
    async put(tempPath, sha256) {
      if (await exists(sha256)) {
        await rm(tempPath, { force: true });
        return;
      }
      await mkdir(join(root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
      await rename(tempPath, pathOf(sha256));
    },
    async get(sha256) {
      return createReadStream(pathOf(sha256));
    },
    exists,
    async delete(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
  };
}

export async function s3BlobStore(config: Config): Promise<BlobStore> {
  const { S3Client, PutObjectCommand, GetObjectCommand, HeadObjectCommand, DeleteObjectCommand } = await import('@aws-sdk/client-s3');
  const s3 = new S3Client({
    region: config.s3.region,
    endpoint: config.s3.endpoint ?? undefined,
    forcePathStyle: config.s3.forcePathStyle,
    credentials: config.s3.accessKeyId && config.s3.secretAccessKey
      ? { accessKeyId: config.s3.accessKeyId, secretAccessKey: config.s3.secretAccessKey }
      : undefined,
  });
  const Bucket = config.s3.bucket;
  const key = (h: string) => `blobs/${h.slice(0, 2)}/${h}`;
  const exists = (h: string) => s3.send(new HeadObjectCommand({ Bucket, Key: key(h) })).then(() => true, () => false);
  return {
    tempDir: join(config.dataDir, 'tmp'),
    async put(tempPath, sha256, mediaType) {
      if (!(await exists(sha256))) {
        const size = (await stat(tempPath)).size;
        await s3.send(new PutObjectCommand({
          Bucket, Key: key(sha256), Body: createReadStream(tempPath), ContentLength: size, ContentType: mediaType,
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        }));
      }
      await rm(tempPath, { force: true });
    },
    async get(sha256) {
      const out = await s3.send(new GetObjectCommand({ Bucket, Key: key(sha256) }));
      return out.Body as Readable;
    },
    exists,
    async delete(sha256) {
      await s3.send(new DeleteObjectCommand({ Bucket, Key: key(sha256) }));
    },
  };
}

export async function openBlobStore(config: Config): Promise<BlobStore> {
  return config.fileStore === 's3' ? s3BlobStore(config) : fsBlobStore(config.filesDir);
}
