/** The files module's problem types, merged into the catalogue of problems when this file loads. */
import { registerProblems, type ProblemDefs, type ProblemNames } from '../../platform/errors.ts';

export const FILE_PROBLEMS = {
  'unsupported-file-type': { status: 415, vi: 'Chỉ chấp nhận tệp PDF, JPEG hoặc PNG', en: 'Only PDF, JPEG and PNG files are accepted' },
} as const satisfies ProblemDefs;

registerProblems('files', FILE_PROBLEMS);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ProblemCatalog extends ProblemNames<typeof FILE_PROBLEMS> {}
}
