import { common } from './common.ts';
import { desk } from './desk.ts';
import { dossier } from './dossier.ts';
import { ioc } from './ioc.ts';
import { portal } from './portal.ts';

export const en = { ...common, ...portal, ...dossier, ...desk, ...ioc };
