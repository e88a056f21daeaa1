/** Schemas shared by every module's routes (TypeBox: one definition gives validation, types and OpenAPI). */
import { Type } from 'typebox';

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    titleVi: Type.String(),
    titleEn: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    detailVi: Type.Optional(Type.String({ description: 'The detail in plain Vietnamese for the person using the application (present when the detail is written for people)' })),
    detailEn: Type.Optional(Type.String({ description: 'The same in plain English' })),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ pointer: Type.String(), detail: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details, with Vietnamese and English titles', additionalProperties: true },
);

/** The largest value of a PostgreSQL `integer` column: request integers stored in one are bounded by it. */
export const INT32_MAX = 2_147_483_647;
/** The largest `bigint` id a request may carry (JavaScript's safe integers; larger ones are not exact). */
export const SAFE_INT_MAX = Number.MAX_SAFE_INTEGER;

export const ProblemRef = Type.Ref('Problem');

/** Standard error responses for a route's OpenAPI entry. */
export function errors(...codes: number[]) {
  return Object.fromEntries(codes.map((c) => [c, ProblemRef]));
}
