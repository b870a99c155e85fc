// The composer as a page: /w/:workspaceId/compose (?at= for a planned time)
// and /w/:workspaceId/posts/:postId/edit.
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { PostView } from '../../../shared/publishing.ts';
import { PageHeader } from '../../ui/page.tsx';
import { Panel } from '../../ui/states.tsx';
import { useCurrentWorkspace } from '../../workspaces/context.ts';
import { postsPath, tabForPost } from '../paths.ts';
import { Composer } from './Composer.tsx';

export function ComposerPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const { postId = null } = useParams();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const at = searchParams.get('at');
  const done = (post: PostView) => navigate(postsPath(workspace.id, tabForPost(post)));
  return (
    <>
      <PageHeader title={postId ? t('publishing.composer.editTitle') : t('publishing.composer.title')} />
      <Panel>
        <Composer
          workspace={workspace}
          postId={postId}
          initialAt={at && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(at) ? at : null}
          onDone={done}
          onCancel={() => navigate(postsPath(workspace.id))}
        />
      </Panel>
    </>
  );
}
