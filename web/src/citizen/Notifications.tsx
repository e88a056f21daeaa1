/** Notifications about the user's dossiers; opening one marks it read. */
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client.ts';
import type { Notification } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { ErrorBox, Loading, PageHeader } from '../ui/Feedback.tsx';
import { formatDateTime } from '../ui/format.ts';
import { useApi } from '../ui/useApi.ts';

const CODE = /[0-9A-Za-z.]{1,35}-[0-9]{6}-[0-9]{4,}/;

export default function Notifications() {
  const { t, i18n } = useTranslation('citizen');
  const { user } = useSession();
  const navigate = useNavigate();
  const list = useApi((signal) => api<{ unread: number; items: Notification[] }>('/notifications?limit=50', { signal }), []);
  const en = i18n.language === 'en';

  async function open(n: Notification) {
    if (!n.readAt) await api(`/notifications/${n.id}/read`, { method: 'POST' }).catch(() => undefined);
    const code = CODE.exec(n.title.vi)?.[0];
    if (code) navigate(user?.kind === 'officer' ? `/desk/dossiers/${code}` : `/me/dossiers/${code}`);
    else list.reload();
  }

  return (
    <section className="narrow">
      <PageHeader title={t('notifications.title')}>
        {list.data && <p className="muted">{t('notifications.unread', { count: list.data.unread })}</p>}
      </PageHeader>
      {list.loading && <Loading />}
      <ErrorBox error={list.error} />
      {list.data?.items.length === 0 && <p className="empty">{t('notifications.none')}</p>}
      <ul className="notifications">
        {list.data?.items.map((n) => (
          <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
            <button type="button" className="notification" onClick={() => open(n)}>
              <span className="n-title">{!n.readAt && <span className="visually-hidden">{t('notifications.new')} </span>}{en ? n.title.en : n.title.vi}</span>
              <span className="n-body">{en ? n.body.en : n.body.vi}</span>
              <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, i18n.language)}</time>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
