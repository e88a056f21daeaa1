/** Signing in and signing up (words in the `common` namespace). */
import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../app/lazyPage.ts';

const SignIn = lazyPage('common', () => import('./SignIn.tsx'));
const SignUp = lazyPage('common', () => import('./SignUp.tsx'));

export const authRoutes: RouteObject[] = [
  { path: '/signin', element: <SignIn /> },
  { path: '/signup', element: <SignUp /> },
];
