/**
 * When a citizen account is verified for its ID number, the dossiers filed for that number at the
 * counter or by post (not linked to any account until then) are linked to it, so the citizen sees them
 * online. An outbox consumer of `identity.citizen_verified`; idempotent (only unlinked dossiers change).
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/index.ts';
import { appendAudit } from '../../platform/audit.ts';
import { isTopic, type Consumer } from '../../platform/consumers.ts';
import { CHANNEL_CODE } from '../catalog/index.ts';
import { citizenVerified, verifiedIdNumberOf } from '../identity/index.ts';

export const LINK_VERIFIED_CONSUMER = 'dossiers.link_verified';

export async function linkDossiersOf(tx: Tx, userId: string, at: Date): Promise<number> {
  const idNumber = await verifiedIdNumberOf(tx, userId);
  if (!idNumber) return 0;
  const { rows } = await sql<{ id: string }>`
    update dossiers set applicant_id = ${userId}
    where applicant_id_number = ${idNumber} and applicant_id is null and channel <> ${CHANNEL_CODE.online}
    returning id`.execute(tx);
  if (rows.length) {
    await appendAudit(tx, {
      actor: { kind: 'system', id: null }, action: 'dossier.linked_to_account', subjectType: 'user', subjectId: userId, at,
      data: { dossiers: rows.length },
    });
  }
  return rows.length;
}

export function linkVerifiedConsumer(): Consumer {
  return {
    name: LINK_VERIFIED_CONSUMER,
    handler: async (tx, events) => {
      for (const e of events) if (isTopic(e, citizenVerified)) await linkDossiersOf(tx, e.payload.userId, e.occurredAt);
    },
  };
}
