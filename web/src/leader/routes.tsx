/** The leaders' operations centre (IOC) dashboards, with its charts (namespace `leader`). */
import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../app/lazyPage.ts';
import { RequireUser } from '../auth/session.tsx';

const Dashboard = lazyPage('leader', () => import('./Dashboard.tsx'));

export const leaderRoutes: RouteObject[] = [
  { path: '/ioc', element: <RequireUser may="ioc"><Dashboard /></RequireUser> },
];
