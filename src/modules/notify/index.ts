/** Notify module: the in-app notices of a user. */
export { notify, notifyIfQuery, notifyQuery } from './service.ts';
export type { Message } from './service.ts';
