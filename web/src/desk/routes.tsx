/** The officers' desk: the work queue, a dossier's work, counter intake, account verification (namespace `desk`). */
import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../app/lazyPage.ts';
import { RequireUser } from '../auth/session.tsx';

const Inbox = lazyPage(['desk', 'dossier'], () => import('./Inbox.tsx'));
const WorkDossier = lazyPage(['desk', 'dossier', 'portal'], () => import('./WorkDossier.tsx'));
const CounterIntake = lazyPage(['desk', 'dossier', 'portal'], () => import('./CounterIntake.tsx'));
const VerifyAccount = lazyPage(['desk'], () => import('./VerifyAccount.tsx'));

export const deskRoutes: RouteObject[] = [
  { path: '/desk', element: <RequireUser may="work_queue"><Inbox /></RequireUser> },
  // Any officer: the server decides whose dossier they may read (a province admin opens late dossiers from the IOC).
  { path: '/desk/dossiers/:code', element: <RequireUser kind="officer"><WorkDossier /></RequireUser> },
  { path: '/desk/intake', element: <RequireUser may="counter_intake"><CounterIntake /></RequireUser> },
  { path: '/desk/accounts', element: <RequireUser may="verify_citizens"><VerifyAccount /></RequireUser> },
];
