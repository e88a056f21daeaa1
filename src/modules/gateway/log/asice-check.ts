/**
 * Checks one .asice container of a message log archive (X-Road's or ours): the signature (XAdES) over
 * the file it names, the batch hash chain from the message up to the signed result, the time-stamp's
 * hash chain from the signature up to the time-stamped result and the token itself. Trust in the signer
 * is the caller's (X-Road's samples are signed by X-Road's test CA).
 */
import { X509Certificate } from 'node:crypto';
import { ASICE_MIME, FILES } from './asice.ts';
import { chainResult, sha512, type HashChain } from './hashtree.ts';
import { checkToken } from './timestamp.ts';
import { checkXades } from './xades.ts';
import { readHashChain, readHashChainResult } from './xml.ts';

export interface ContainerFiles {
  /** Every file's bytes but the large ones … */
  files: Map<string, Buffer>;
  /** … of which only the SHA-512 is known (attachments). */
  digests: Map<string, Buffer>;
}

export interface ContainerCheck {
  valid: boolean;
  problems: string[];
  signer: string | null;
  signedFile: string | null;
  /** The time-stamp: batch (ts-hashchain + timestamp.tst, checked), in the signature (not checked here), or none. */
  timestamp: { kind: 'batch'; at: Date | null } | { kind: 'signature' } | null;
}

const refersTo = (chain: HashChain, uri: string) => chain.some((step) => step?.some((it) => it.kind === 'data' && it.uri === uri));

export function checkContainer(c: ContainerFiles): ContainerCheck {
  const problems: string[] = [];
  const file = (uri: string) => c.files.get(uri.replace(/^\//, '')) ?? null;
  const digestOf = (uri: string) => {
    const name = uri.replace(/^\//, '');
    const b = c.files.get(name);
    return b ? sha512(b) : c.digests.get(name) ?? null;
  };
  if (file(FILES.mimetype)?.toString('ascii') !== ASICE_MIME) problems.push(`mimetype is not ${ASICE_MIME}`);
  const message = file(FILES.message);
  if (!message) problems.push(`${FILES.message} is missing`);
  const sigXml = file(FILES.signatures);
  let signer: string | null = null;
  let signedFile: string | null = null;
  if (!sigXml) problems.push(`${FILES.signatures} is missing`);
  else {
    const sig = checkXades(sigXml, file);
    signedFile = sig.uri || null;
    if (sig.cert) signer = new X509Certificate(sig.cert).subject.replace(/\n/g, ', ');
    if (!sig.valid) problems.push(`signature: ${sig.reason}`);
    else if (signedFile === `/${FILES.sigResult}`) {
      try {
        const result = readHashChainResult(file(FILES.sigResult)!);
        if (result.uri !== `/${FILES.sigChain}#STEP0`) throw new Error(`the signed result names ${result.uri}`);
        const chainXml = file(FILES.sigChain);
        if (!chainXml) throw new Error(`${FILES.sigChain} is missing`);
        const chain = readHashChain(chainXml);
        if (!refersTo(chain, `/${FILES.message}`)) throw new Error(`the hash chain does not name ${FILES.message}`);
        if (!chainResult(chain, digestOf).equals(result.root)) throw new Error('the message\'s hash chain does not lead to the signed result');
      } catch (err) {
        problems.push(`batch signature: ${(err as Error).message}`);
      }
    } else if (signedFile !== `/${FILES.message}`) problems.push(`the signature covers ${signedFile}, not the message`);
  }

  let timestamp: ContainerCheck['timestamp'] = null;
  const tsResult = file(FILES.tsResult);
  if (tsResult) {
    timestamp = { kind: 'batch', at: null };
    try {
      const result = readHashChainResult(tsResult);
      if (result.uri !== `/${FILES.tsChain}#STEP0`) throw new Error(`the time-stamped result names ${result.uri}`);
      const chain = readHashChain(file(FILES.tsChain) ?? Buffer.alloc(0));
      if (!refersTo(chain, `/${FILES.signatures}`)) throw new Error(`the hash chain does not name ${FILES.signatures}`);
      if (!chainResult(chain, digestOf).equals(result.root)) throw new Error('the signature\'s hash chain does not lead to the time-stamped result');
      const token = file(FILES.token);
      if (!token) throw new Error(`${FILES.token} is missing`);
      const t = checkToken(token, tsResult);
      if (!t.valid) throw new Error(t.reason!);
      timestamp = { kind: 'batch', at: t.genTime };
    } catch (err) {
      problems.push(`time-stamp: ${(err as Error).message}`);
    }
  } else if (sigXml?.includes('EncapsulatedTimeStamp')) timestamp = { kind: 'signature' };
  return { valid: problems.length === 0, problems, signer, signedFile, timestamp };
}
