/** The events the payments module writes to the outbox. */
import { Type } from 'typebox';
import { defineTopic } from '../../platform/outbox.ts';

export const PaymentPayload = Type.Object({
  paymentId: Type.String(),
  requestId: Type.String(),
  dossierId: Type.String(),
  code: Type.String(),
  procedureCode: Type.String(),
  agencyId: Type.String(),
  channel: Type.String(),
  amountVND: Type.Integer(),
  /** Confirmed for a request another payment had already settled (to be refunded). */
  excess: Type.Boolean(),
});

/** A payment was confirmed by its channel (or recorded at the counter). */
export const paymentConfirmed = defineTopic('payment.confirmed', 'payment', PaymentPayload);
/** A payment was refunded. */
export const paymentRefunded = defineTopic('payment.refunded', 'payment', PaymentPayload);
