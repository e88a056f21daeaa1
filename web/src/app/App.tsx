/**
 * Routes, by audience: each audience folder (portal, citizen, desk, leader; later eoffice, opendata,
 * admin) exports its routes from its `routes.tsx` and has its own translation namespace. Only the
 * route tables and the home page are in the first load; every other page comes on demand with its
 * namespace (app/lazyPage.ts), so a citizen's phone never downloads the desk or the IOC's charts.
 */
import { Suspense } from 'react';
import { useRoutes } from 'react-router-dom';
import { authRoutes } from '../auth/routes.tsx';
import { citizenRoutes } from '../citizen/routes.tsx';
import { deskRoutes } from '../desk/routes.tsx';
import { gatewayRoutes } from '../gateway/routes.tsx';
import { leaderRoutes } from '../leader/routes.tsx';
import { portalRoutes } from '../portal/routes.tsx';
import { Loading } from '../ui/Feedback.tsx';
import { Layout } from './Layout.tsx';
import { lazyPage } from './lazyPage.ts';

const NotFound = lazyPage('common', () => import('./NotFound.tsx'));

const routes = [...portalRoutes, ...authRoutes, ...citizenRoutes, ...deskRoutes, ...leaderRoutes, ...gatewayRoutes, { path: '*', element: <NotFound /> }];

export function App() {
  const page = useRoutes(routes);
  return (
    <Layout>
      <Suspense fallback={<Loading />}>{page}</Suspense>
    </Layout>
  );
}
