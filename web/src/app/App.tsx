/** Routes. The home page is in the first load; every other page is its own chunk. */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireUser } from '../auth/session.tsx';
import Home from '../portal/Home.tsx';
import { Loading } from '../ui/Feedback.tsx';
import { Layout } from './Layout.tsx';

const ProcedurePage = lazy(() => import('../portal/ProcedurePage.tsx'));
const Lookup = lazy(() => import('../portal/Lookup.tsx'));
const SignIn = lazy(() => import('../auth/SignIn.tsx'));
const SignUp = lazy(() => import('../auth/SignUp.tsx'));
const Wizard = lazy(() => import('../submit/Wizard.tsx'));
const Receipt = lazy(() => import('../receipt/ReceiptPage.tsx'));
const MyDossiers = lazy(() => import('../citizen/MyDossiers.tsx'));
const MyDossier = lazy(() => import('../citizen/MyDossier.tsx'));
const Notifications = lazy(() => import('../citizen/Notifications.tsx'));
const Inbox = lazy(() => import('../desk/Inbox.tsx'));
const WorkDossier = lazy(() => import('../desk/WorkDossier.tsx'));
const CounterIntake = lazy(() => import('../desk/CounterIntake.tsx'));
const IocDashboard = lazy(() => import('../ioc/Dashboard.tsx'));
const NotFound = lazy(() => import('./NotFound.tsx'));

export function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/procedures/:code" element={<ProcedurePage />} />
          <Route path="/procedures/:code/submit" element={<RequireUser kind="citizen"><Wizard /></RequireUser>} />
          <Route path="/lookup" element={<Lookup />} />
          <Route path="/signin" element={<SignIn />} />
          <Route path="/signup" element={<SignUp />} />
          <Route path="/dossiers/:code/receipt" element={<RequireUser kind="any"><Receipt /></RequireUser>} />
          <Route path="/me/dossiers" element={<RequireUser kind="citizen"><MyDossiers /></RequireUser>} />
          <Route path="/me/dossiers/:code" element={<RequireUser kind="citizen"><MyDossier /></RequireUser>} />
          <Route path="/notifications" element={<RequireUser kind="any"><Notifications /></RequireUser>} />
          <Route path="/desk" element={<RequireUser kind="officer"><Inbox /></RequireUser>} />
          <Route path="/desk/dossiers/:code" element={<RequireUser kind="officer"><WorkDossier /></RequireUser>} />
          <Route path="/desk/intake" element={<RequireUser kind="officer"><CounterIntake /></RequireUser>} />
          <Route path="/ioc" element={<RequireUser kind="leader"><IocDashboard /></RequireUser>} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
