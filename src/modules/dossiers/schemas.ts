/** Request and response schemas of the dossier routes (TypeBox: validation, types and OpenAPI). */
import { Type } from 'typebox';


const Status = {
  status: Type.String(), statusCode: Type.Integer({ minimum: 1, maximum: 10 }),
  statusName: Type.Object({ vi: Type.String(), en: Type.String() }),
};
const AgencyRef = Type.Object({ id: Type.String(), name: Type.String(), nameEn: Type.String() });
export const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
export const Summary = Type.Object({
  code: Type.String(), ...Status, version: Type.Integer(),
  procedure: Type.Object({ code: Type.String(), name: Type.String(), version: Type.Optional(Type.Integer()) }),
  channel: Type.String(), submittedAt: Type.String(), receivedAt: Nullable(Type.String()), dueAt: Nullable(Type.String()),
});
export const Public = Type.Object({ ...Summary.properties, deskAgency: AgencyRef, handlingAgency: AgencyRef });
export const DossierView = Type.Object({
  ...Public.properties,
  communeCode: Nullable(Type.String()),
  applicant: Type.Object({ name: Type.String(), idNumber: Type.String() }),
  formData: Type.Object({}, { additionalProperties: true }),
  files: Type.Array(Type.Object({
    componentCode: Type.String(), fileId: Type.String(), sha256: Type.String(), size: Type.Integer(), mediaType: Type.String(), name: Nullable(Type.String()),
    pages: Type.Optional(Type.Union([Type.Integer(), Type.Null()], { description: 'Pages of a scan received at the counter' })),
  })),
  components: Type.Optional(Type.Array(Type.Object({
    componentCode: Type.String(), form: Type.String(), copies: Type.Integer(), scans: Type.Integer(), pages: Type.Integer(), digitised: Type.Boolean(),
  }), { description: 'The counter\'s components checklist, with the scans and pages recorded (digitisation)' })),
  history: Type.Array(Type.Object({}, { additionalProperties: true })),
  allowedActions: Type.Optional(Type.Array(Type.String(), { description: 'What the caller may do now' })),
  deadlineState: Type.Optional(Nullable(Type.String())),
  step: Type.Optional(Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()])),
  rescheduled: Type.Optional(Type.Boolean()),
  rating: Type.Optional(Nullable(Type.String())),
});


export const FileRefs = Type.Array(
  Type.Object({ componentCode: Type.String({ minLength: 1, maxLength: 20 }), fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  { maxItems: 100 },
);
export const IdempotencyKey = Type.String({ minLength: 8, maxLength: 100, pattern: '^[\\x21-\\x7e]+$' });

export const Checklist = Type.Array(
  Type.Object({
    componentCode: Type.String({ minLength: 1, maxLength: 20 }),
    form: Type.Union([Type.Literal('original'), Type.Literal('copy'), Type.Literal('certified_copy')], { description: 'bản chính, bản sao, bản sao có chứng thực' }),
    copies: Type.Integer({ minimum: 1, maximum: 50 }),
  }, { additionalProperties: false }),
  { maxItems: 100 },
);
