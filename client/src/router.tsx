import { createBrowserRouter } from 'react-router';
import { AppLayout, appLoader, signOutAction } from './layout/AppLayout.tsx';
import { RouteError } from './layout/RouteError.tsx';
import { homeLoader, NoMeeting } from './meeting/home.tsx';
import { MeetingPage, meetingLoader } from './meeting/MeetingPage.tsx';
import { revisionLoader } from './revision/loader.ts';
import { SignInPage, signInAction } from './session/SignInPage.tsx';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, action: signInAction, errorElement: <RouteError /> },
  { path: '/sign-out', action: signOutAction, errorElement: <RouteError /> },
  {
    id: 'app',
    path: '/',
    element: <AppLayout />,
    loader: appLoader,
    errorElement: <RouteError />,
    hydrateFallbackElement: <p className="zd-loading">Loading Zerodraft…</p>,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, loader: homeLoader, element: <NoMeeting /> },
          { path: 'meetings/:meetingId', loader: meetingLoader, element: <MeetingPage /> },
          {
            path: 'revisions/:revisionId',
            loader: revisionLoader,
            // The editor is most of the code; the sign-in and meeting pages load without it.
            lazy: { Component: async () => (await import('./revision/RevisionPage.tsx')).RevisionPage },
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
