/**
 * The routes of the staff application, under /app. Every page is its own lazy chunk, so the
 * first page (login or dashboard) loads only what it shows.
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter } from 'react-router';
import { setCsrfToken, setUnauthenticatedHandler } from './api.ts';
import { PageLoading } from './components/PageLoading.tsx';
import { RouteError } from './components/RouteError.tsx';
import { queryClient } from './query-client.ts';
import { ME_KEY } from './session.tsx';

const pages = {
  login: lazy(() => import('./pages/LoginPage.tsx')),
  layout: lazy(() => import('./components/AppLayout.tsx')),
  dashboard: lazy(() => import('./pages/DashboardPage.tsx')),
  regions: lazy(() => import('./pages/RegionsPage.tsx')),
  agencies: lazy(() => import('./pages/AgenciesPage.tsx')),
  agency: lazy(() => import('./pages/AgencyDetailPage.tsx')),
  people: lazy(() => import('./pages/PeoplePage.tsx')),
  personNew: lazy(() => import('./pages/PersonCreatePage.tsx')),
  person: lazy(() => import('./pages/PersonDetailPage.tsx')),
  users: lazy(() => import('./pages/UsersPage.tsx')),
  calendar: lazy(() => import('./pages/CalendarPage.tsx')),
  exchange: lazy(() => import('./pages/ExchangePage.tsx')),
  audit: lazy(() => import('./pages/AuditPage.tsx')),
  cases: lazy(() => import('./pages/CasesPage.tsx')),
  caseNew: lazy(() => import('./pages/CaseCreatePage.tsx')),
  case: lazy(() => import('./pages/CaseDetailPage.tsx')),
  devices: lazy(() => import('./pages/DevicesPage.tsx')),
  laws: lazy(() => import('./pages/LawsPage.tsx')),
  lawVersion: lazy(() => import('./pages/LawVersionPage.tsx')),
  lawArticle: lazy(() => import('./pages/LawArticlePage.tsx')),
  account: lazy(() => import('./pages/AccountPage.tsx')),
  notFound: lazy(() => import('./pages/NotFoundPage.tsx')),
};

const show = (Page: LazyExoticComponent<ComponentType>) => (
  <Suspense fallback={<PageLoading />}>
    <Page />
  </Suspense>
);

export const router = createBrowserRouter(
  [
    { path: '/login', element: show(pages.login), errorElement: <RouteError /> },
    {
      path: '/',
      element: show(pages.layout),
      errorElement: <RouteError />,
      children: [
        { index: true, element: show(pages.dashboard) },
        { path: 'regions', element: show(pages.regions) },
        { path: 'agencies', element: show(pages.agencies) },
        { path: 'agencies/:id', element: show(pages.agency) },
        { path: 'people', element: show(pages.people) },
        { path: 'people/new', element: show(pages.personNew) },
        { path: 'people/:id', element: show(pages.person) },
        { path: 'users', element: show(pages.users) },
        { path: 'calendar', element: show(pages.calendar) },
        { path: 'exchange', element: show(pages.exchange) },
        { path: 'audit', element: show(pages.audit) },
        { path: 'cases', element: show(pages.cases) },
        { path: 'cases/new', element: show(pages.caseNew) },
        { path: 'cases/:id', element: show(pages.case) },
        { path: 'devices', element: show(pages.devices) },
        { path: 'laws', element: show(pages.laws) },
        { path: 'laws/versions/:id', element: show(pages.lawVersion) },
        { path: 'laws/versions/:id/articles/:number', element: show(pages.lawArticle) },
        { path: 'account', element: show(pages.account) },
        { path: '*', element: show(pages.notFound) },
      ],
    },
  ],
  { basename: '/app' },
);

// The session is gone (expired, logged out elsewhere): forget everything and ask to log in again.
setUnauthenticatedHandler(() => {
  const path = window.location.pathname.replace(/^\/app(?=\/|$)/, '') || '/';
  if (path === '/login') return;
  setCsrfToken(null);
  queryClient.clear();
  queryClient.setQueryData(ME_KEY, null); // known to be signed out: the login page need not ask again
  void router.navigate(`/login?next=${encodeURIComponent(path + window.location.search)}`, { replace: true });
});
