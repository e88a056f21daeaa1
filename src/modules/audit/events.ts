/** The events the audit module writes to the outbox. */
import { Type } from 'typebox';
import { defineTopic } from '../../platform/outbox.ts';

/** A signed checkpoint of the audit chain heads was stored (e.g. to copy it off site). */
export const checkpointTaken = defineTopic('audit.checkpoint_taken', 'audit_checkpoint', Type.Object({
  takenAt: Type.String(), chains: Type.Integer(), timestamped: Type.Boolean(), file: Type.String(),
}));
