/** The events the results module writes to the outbox: a document issued (sealed) or signed for a dossier. */
import { Type } from 'typebox';
import { defineTopic } from '../../platform/outbox.ts';

const DocumentPayload = Type.Object({
  documentId: Type.String(),
  dossierId: Type.String(),
  kind: Type.String(),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  /** The certificates that signed it, in order. */
  signers: Type.Array(Type.String()),
  /** Whether it went to the applicant's personal document store. */
  toPersonalStore: Type.Boolean(),
  /** Set for certified copies: whether it is the dossier's first (the 766 index counts dossiers). */
  first: Type.Optional(Type.Boolean()),
});

export const documentIssued = defineTopic('document.issued', 'document', DocumentPayload);
export const documentSigned = defineTopic('document.signed', 'document', DocumentPayload);

/** Stored documents reused as components of a dossier at intake (emitted once per dossier that reused any). */
export const documentReused = defineTopic('document.reused', 'document', Type.Object({
  dossierId: Type.String(),
  /** How many components were satisfied by stored documents. */
  components: Type.Integer({ minimum: 1 }),
}));
