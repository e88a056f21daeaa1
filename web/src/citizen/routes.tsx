/** The citizen's pages: online submission, their dossiers and signed documents, notifications (namespace `citizen`). */
import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../app/lazyPage.ts';
import { RequireUser } from '../auth/session.tsx';

const Wizard = lazyPage(['citizen', 'dossier', 'portal'], () => import('./Wizard.tsx'));
const MyDossiers = lazyPage(['citizen', 'dossier'], () => import('./MyDossiers.tsx'));
const MyDossier = lazyPage(['citizen', 'dossier', 'portal'], () => import('./MyDossier.tsx'));
const MyDocuments = lazyPage(['citizen', 'dossier'], () => import('./MyDocuments.tsx'));
const Notifications = lazyPage('citizen', () => import('./Notifications.tsx'));

export const citizenRoutes: RouteObject[] = [
  { path: '/procedures/:code/submit', element: <RequireUser may="submit_dossier"><Wizard /></RequireUser> },
  { path: '/me/dossiers', element: <RequireUser kind="citizen"><MyDossiers /></RequireUser> },
  { path: '/me/dossiers/:code', element: <RequireUser kind="citizen"><MyDossier /></RequireUser> },
  { path: '/me/documents', element: <RequireUser kind="citizen"><MyDocuments /></RequireUser> },
  // Officers have notifications too; the page is the citizen's in shape.
  { path: '/notifications', element: <RequireUser><Notifications /></RequireUser> },
];
