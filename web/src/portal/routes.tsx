/** The public portal: home (in the first load), procedure pages, public lookup, document verification, a dossier's receipt (form 01). */
import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../app/lazyPage.ts';
import { RequireUser } from '../auth/session.tsx';
import Home from './Home.tsx';

const ProcedurePage = lazyPage('portal', () => import('./ProcedurePage.tsx'));
const Lookup = lazyPage(['portal', 'dossier'], () => import('./Lookup.tsx'));
const VerifyDocument = lazyPage(['portal', 'dossier'], () => import('./VerifyDocument.tsx'));
const Receipt = lazyPage('portal', () => import('./ReceiptPage.tsx'));

export const portalRoutes: RouteObject[] = [
  { path: '/', element: <Home /> },
  { path: '/procedures/:code', element: <ProcedurePage /> },
  { path: '/lookup', element: <Lookup /> },
  // Uploading a PDF to verify; /verify/{id} (the QR code's page) is the server's.
  { path: '/verify', element: <VerifyDocument /> },
  // The applicant's and the desk's receipt: for any signed-in user the server lets read the dossier.
  { path: '/dossiers/:code/receipt', element: <RequireUser><Receipt /></RequireUser> },
];
