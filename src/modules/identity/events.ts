/** The events the identity module writes to the outbox. */
import { Type } from 'typebox';
import { defineTopic } from '../../platform/outbox.ts';

export const citizenRegistered = defineTopic('identity.citizen_registered', 'user', Type.Object({ userId: Type.String() }));

export const officerCreated = defineTopic('identity.officer_created', 'user', Type.Object({
  userId: Type.String(), agencyId: Type.String(), roles: Type.Array(Type.String()),
}));

/** A citizen account was verified for its ID number (at the counter, by VNeID or by the population database). */
export const citizenVerified = defineTopic('identity.citizen_verified', 'user', Type.Object({
  userId: Type.String(), method: Type.Union([Type.Literal('counter'), Type.Literal('vneid'), Type.Literal('population_db')]),
}));
