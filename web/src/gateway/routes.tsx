/** The integration gateway's (LGSP) admin pages, for province admins (namespace `gateway`). */
import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../app/lazyPage.ts';
import { RequireUser } from '../auth/session.tsx';

const Members = lazyPage('gateway', () => import('./Members.tsx'));
const Services = lazyPage('gateway', () => import('./Services.tsx'));
const ServiceRights = lazyPage('gateway', () => import('./ServiceRights.tsx'));
const Credentials = lazyPage('gateway', () => import('./Credentials.tsx'));
const MessageLog = lazyPage('gateway', () => import('./MessageLog.tsx'));
const LogRecord = lazyPage('gateway', () => import('./LogRecord.tsx'));
const Monitoring = lazyPage('gateway', () => import('./Monitoring.tsx'));

const admin = (page: ReactElement) => <RequireUser may="gateway_admin">{page}</RequireUser>;

export const gatewayRoutes: RouteObject[] = [
  { path: '/admin/gateway', element: admin(<Members />) },
  { path: '/admin/gateway/services', element: admin(<Services />) },
  { path: '/admin/gateway/rights', element: admin(<ServiceRights />) },
  { path: '/admin/gateway/credentials', element: admin(<Credentials />) },
  { path: '/admin/gateway/log', element: admin(<MessageLog />) },
  { path: '/admin/gateway/log/:id', element: admin(<LogRecord />) },
  { path: '/admin/gateway/monitoring', element: admin(<Monitoring />) },
];
