import { createBrowserRouter, Outlet } from 'react-router';
import { AccountPage, accountAction, accountLoader } from './account/AccountPage.tsx';
import { AuditLogPage, auditLoader } from './audit/AuditLogPage.tsx';
import { historyLoader } from './circulation/history-data.ts';
import { comparisonLoader } from './comparison/comparison-data.ts';
import { compilationLoader } from './compilation/loader.ts';
import {
  AcceptInvitationPage,
  acceptInvitationAction,
  acceptInvitationLoader,
} from './invitations/AcceptInvitationPage.tsx';
import { InvitationsPage, invitationsAction, invitationsLoader } from './invitations/InvitationsPage.tsx';
import { AppLayout, appLoader, signOutAction } from './layout/AppLayout.tsx';
import { RouteError } from './layout/RouteError.tsx';
import { CreateMeetingPage, createMeetingAction } from './meeting/CreateMeetingPage.tsx';
import { HomePage } from './meeting/home.tsx';
import { MeetingPage } from './meeting/MeetingPage.tsx';
import { MeetingSettingsPage, meetingSettingsAction } from './meeting/MeetingSettingsPage.tsx';
import { MEETING_ROUTE, meetingLoader } from './meeting/meeting-data.ts';
import { NotificationsPage, notificationsLoader } from './notifications/NotificationsPage.tsx';
import { revisionLoader } from './revision/loader.ts';
import { RosterPage } from './roster/RosterPage.tsx';
import { rosterAction } from './roster/roster-action.ts';
import { rosterLoader } from './roster/roster-data.ts';
import { SignInPage, signInAction } from './session/SignInPage.tsx';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, action: signInAction, errorElement: <RouteError /> },
  { path: '/sign-out', action: signOutAction, errorElement: <RouteError /> },
  // Public: the invitee has no account, or is not signed in, when they open the link.
  {
    path: '/invitations/:token',
    element: <AcceptInvitationPage />,
    loader: acceptInvitationLoader,
    action: acceptInvitationAction,
    errorElement: <RouteError />,
  },
  {
    id: 'app',
    path: '/',
    element: <AppLayout />,
    loader: appLoader,
    // Who is signed in, and their role in each meeting, can change between two pages (a role
    // change, a removal); the header and the home page read them from here.
    shouldRevalidate: ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
      defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname,
    errorElement: <RouteError />,
    hydrateFallbackElement: <p className="zd-loading">Loading Zerodraft…</p>,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'account', loader: accountLoader, action: accountAction, element: <AccountPage /> },
          { path: 'notifications', loader: notificationsLoader, element: <NotificationsPage /> },
          { path: 'meetings/new', action: createMeetingAction, element: <CreateMeetingPage /> },
          {
            id: MEETING_ROUTE,
            path: 'meetings/:meetingId',
            loader: meetingLoader,
            element: <Outlet />,
            children: [
              { index: true, element: <MeetingPage /> },
              { path: 'roster', loader: rosterLoader, action: rosterAction, element: <RosterPage /> },
              {
                path: 'invitations',
                loader: invitationsLoader,
                action: invitationsAction,
                element: <InvitationsPage />,
              },
              { path: 'audit', loader: auditLoader, element: <AuditLogPage /> },
              { path: 'settings', action: meetingSettingsAction, element: <MeetingSettingsPage /> },
            ],
          },
          {
            path: 'revisions/:revisionId',
            loader: revisionLoader,
            // The editor is most of the code; the sign-in and meeting pages load without it.
            lazy: { Component: async () => (await import('./revision/RevisionPage.tsx')).RevisionPage },
          },
          {
            path: 'documents/:documentId/history',
            loader: historyLoader,
            lazy: { Component: async () => (await import('./circulation/HistoryPage.tsx')).HistoryPage },
          },
          {
            path: 'documents/:documentId/compare',
            loader: comparisonLoader,
            lazy: { Component: async () => (await import('./comparison/ComparisonPage.tsx')).ComparisonPage },
          },
          {
            path: 'revisions/:revisionId/compilation',
            loader: compilationLoader,
            lazy: { Component: async () => (await import('./compilation/CompilationPage.tsx')).CompilationPage },
          },
          { path: '*', loader: notFound },
        ],
      },
    ],
  },
]);

function notFound(): never {
  throw new Response(null, { status: 404, statusText: 'Not Found' });
}
