import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from './page-heading';

/** What a screen shows while its data is being read (announced once, politely). */
export function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('common.loading')}</p>;
}

/**
 * What a screen shows when the record in its address does not exist (deleted, or a link from another browser): the
 * page's heading says so, `message` says what was looked for, and a link leads back home.
 */
export function NotFound({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('common.notFound.title')}>{t('common.notFound.title')}</PageHeading>
      <p>{message}</p>
      <Link to="/">{t('common.notFound.back')}</Link>
    </>
  );
}
