import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/page-heading';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('common.notFound.title')}>{t('common.notFound.title')}</PageHeading>
      <p>{t('common.notFound.body')}</p>
      <Link to="/">{t('common.notFound.back')}</Link>
    </>
  );
}
