import { common } from './common.ts';
import { desk } from './desk.ts';
import { dossier } from './dossier.ts';
import { ioc } from './ioc.ts';
import { portal } from './portal.ts';

export const vi = { ...common, ...portal, ...dossier, ...desk, ...ioc };
export type Resources = typeof vi;
