/** The events the catalogue writes to the outbox. */
import { Type } from 'typebox';
import { defineTopic } from '../../platform/outbox.ts';

export const procedurePublished = defineTopic('catalog.procedure_published', 'procedure', Type.Object({ code: Type.String() }));

export const agencyUpdated = defineTopic('catalog.agency_updated', 'agency', Type.Object({ agencyId: Type.String() }));
