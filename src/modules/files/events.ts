/** The events the files module writes to the outbox: an upload deleted by the orphan clean-up. */
import { Type } from 'typebox';
import { defineTopic } from '../../platform/outbox.ts';

export const filePurged = defineTopic('file.purged', 'file', Type.Object({
  fileId: Type.String(),
  ownerId: Type.String(),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  size: Type.Integer(),
  /** Why it went: never attached to a dossier within UPLOAD_ORPHAN_HOURS. */
  reason: Type.Literal('never_attached'),
}));
