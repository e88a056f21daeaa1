/** Every Vietnamese namespace merged (the keys are unique across them): for tests and tools; the application loads them one by one (../index.ts). */
import { common } from './common.ts';
import { portal } from './portal.ts';
import { citizen } from './citizen.ts';
import { desk } from './desk.ts';
import { leader } from './leader.ts';
import { dossier } from './dossier.ts';
import { gateway } from './gateway.ts';

export const vi = { ...common, ...portal, ...citizen, ...desk, ...leader, ...dossier, ...gateway };
export type Resources = typeof vi;
