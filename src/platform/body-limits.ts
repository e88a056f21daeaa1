/**
 * Refusing a request body before it is read: a route that takes a file checks the declared
 * `Content-Length` first, answers 413 problem+json at once and closes the connection, so a client
 * that announces gigabytes (and sends them slowly, or never) holds neither memory nor a disk spool.
 * A body without a declared length is still cut at the limit while it streams (multipart limits).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { sizeText } from './sizes.ts';

/** Room for the multipart envelope around a file: boundaries, part headers, a few small fields. */
export const MULTIPART_SLACK = 64 * 1024;

export function declaredLength(req: FastifyRequest): number | null {
  const raw = req.headers['content-length'];
  if (typeof raw !== 'string' || !/^\d{1,16}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/** Throw this from an `onRequest` hook: the reply closes the connection instead of reading the body. */
export function refuseBody(reply: FastifyReply, err: AppError): never {
  reply.header('connection', 'close');
  throw err;
}

/** A file over the limit, said plainly (the limit in MB); the limit in bytes for API clients as `limitBytes`. */
export function fileTooLarge(maxBytes: number): AppError {
  const max = sizeText(maxBytes);
  return new AppError('file-too-large', {
    vi: `Mỗi tệp tối đa ${max.vi}. Hãy quét hoặc chụp lại với độ phân giải thấp hơn, hoặc chia giấy tờ thành nhiều tệp.`,
    en: `Each file may be at most ${max.en}. Scan or photograph it again at a lower resolution, or split the document into several files.`,
  }, { extra: { limitBytes: maxBytes } });
}

/** An `onRequest` hook refusing a body declared larger than `maxBytes` of file (plus the multipart envelope). */
export function limitDeclaredBody(maxBytes: () => number) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const length = declaredLength(req);
    const max = maxBytes();
    if (length !== null && length > max + MULTIPART_SLACK) {
      refuseBody(reply, fileTooLarge(max));
    }
  };
}
