import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../ui/Feedback.tsx';

export default function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="card narrow">
      <PageHeader title={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
      <Link className="btn btn-primary" to="/">{t('nav.home')}</Link>
    </section>
  );
}
