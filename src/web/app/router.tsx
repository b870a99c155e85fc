// Every address of the web app.
import { createBrowserRouter, Navigate } from 'react-router';
import { JobsPage } from '../admin/JobsPage.tsx';
import { ForgotPasswordPage } from '../auth/ForgotPasswordPage.tsx';
import { InvitationPage } from '../auth/InvitationPage.tsx';
import { LoginPage } from '../auth/LoginPage.tsx';
import { ResetPasswordPage } from '../auth/ResetPasswordPage.tsx';
import { SetupPage } from '../auth/SetupPage.tsx';
import { CalendarRoute } from '../calendar/CalendarRoute.tsx';
import { BulkPage } from '../bulk/BulkPage.tsx';
import { ApiKeysPage } from '../settings/ApiKeysPage.tsx';
import { AuditPage } from '../settings/AuditPage.tsx';
import { BrandVoicePage } from '../settings/BrandVoicePage.tsx';
import { ChannelsPage } from '../settings/ChannelsPage.tsx';
import { MediaLibraryPage } from '../media/MediaLibraryPage.tsx';
import { FeedsPage } from '../feeds/FeedsPage.tsx';
import { InvitationsPage } from '../settings/InvitationsPage.tsx';
import { MembersPage } from '../settings/MembersPage.tsx';
import { ProfilePage } from '../settings/ProfilePage.tsx';
import { TemplatesPage } from '../settings/TemplatesPage.tsx';
import { WorkspaceSettingsPage } from '../settings/WorkspaceSettingsPage.tsx';
import { ComposerPage } from '../publishing/composer/ComposerPage.tsx';
import { PostsPage } from '../publishing/posts/PostsPage.tsx';
import { InboxPage } from '../inbox/InboxPage.tsx';
import { InboxSettingsPage } from '../inbox/InboxSettingsPage.tsx';
import { CampaignsPage } from '../publishing/settings/CampaignsPage.tsx';
import { PublishingSettingsPage } from '../publishing/settings/PublishingSettingsPage.tsx';
import { QueuesPage } from '../publishing/settings/QueuesPage.tsx';
import { RequireInstanceAdmin, RequirePermission } from '../workspaces/RequirePermission.tsx';
import { WorkspaceLayout } from '../workspaces/WorkspaceLayout.tsx';
import { AppLayout } from './AppLayout.tsx';
import { HomeRedirect, RequireAuth } from './guards.tsx';
import { NotFound } from './NotFound.tsx';
import { PublicLayout } from './PublicLayout.tsx';
import { ApprovalLinksPage } from '../approval-links/ApprovalLinksPage.tsx';
import { ReviewPage } from '../approval-links/review/ReviewPage.tsx';
import { RouteError } from './RouteError.tsx';

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: 'setup', element: <SetupPage /> },
          { path: 'login', element: <LoginPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'invite/:invitationId', element: <InvitationPage /> },
          { path: 'review/:token', element: <ReviewPage /> },
        ],
      },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'settings/profile', element: <ProfilePage /> },
          {
            path: 'w/:workspaceId',
            element: <WorkspaceLayout />,
            children: [
              { index: true, element: <Navigate to="settings/workspace" replace /> },
              { path: 'inbox', element: <InboxPage /> },
              { path: 'inbox/settings', element: <InboxSettingsPage /> },
              { path: 'calendar', element: <CalendarRoute /> },
              { path: 'posts', element: <PostsPage /> },
              { path: 'media', element: <MediaLibraryPage /> },
              { path: 'feeds', element: <FeedsPage /> },
              { path: 'import', element: <BulkPage /> },
              { path: 'posts/:postId', element: <PostsPage /> },
              {
                path: 'posts/:postId/edit',
                element: (
                  <RequirePermission permission="content:write">
                    <ComposerPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'compose',
                element: (
                  <RequirePermission permission="content:write">
                    <ComposerPage />
                  </RequirePermission>
                ),
              },
              { path: 'publishing/queues', element: <QueuesPage /> },
              { path: 'publishing/campaigns', element: <CampaignsPage /> },
              { path: 'publishing/settings', element: <PublishingSettingsPage /> },
              {
                path: 'approval-links',
                element: (
                  <RequirePermission permission="content:publish">
                    <ApprovalLinksPage />
                  </RequirePermission>
                ),
              },
              { path: 'settings', element: <Navigate to="workspace" replace /> },
              { path: 'settings/profile', element: <ProfilePage /> },
              { path: 'settings/workspace', element: <WorkspaceSettingsPage /> },
              { path: 'settings/channels', element: <ChannelsPage /> },
              { path: 'settings/brand-voice', element: <BrandVoicePage /> },
              { path: 'settings/templates', element: <TemplatesPage /> },
              {
                path: 'settings/members',
                element: (
                  <RequirePermission permission="members:manage">
                    <MembersPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'settings/invitations',
                element: (
                  <RequirePermission permission="members:manage">
                    <InvitationsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'settings/api-keys',
                element: (
                  <RequirePermission permission="apiKeys:manage">
                    <ApiKeysPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'settings/audit',
                element: (
                  <RequirePermission permission="audit:read">
                    <AuditPage />
                  </RequirePermission>
                ),
              },
              { path: '*', element: <NotFound /> },
            ],
          },
          {
            path: 'admin/jobs',
            element: (
              <RequireInstanceAdmin>
                <JobsPage />
              </RequireInstanceAdmin>
            ),
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
