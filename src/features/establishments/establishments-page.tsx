import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { listEstablishments } from '../../storage/establishment-queries';
import { useDatabase, useLiveQuery } from '../../storage/use-database';

/** The home page: the establishments of this device, or, on a first visit, what the app is and how to start. */
export function EstablishmentsPage() {
  const { t } = useTranslation();
  const db = useDatabase();
  const list = useLiveQuery(() => listEstablishments(db), [db]);

  if (list === undefined) return <p role="status">{t('common.loading')}</p>;

  if (list.length === 0) {
    return (
      <section className="empty-state" aria-labelledby="empty-title">
        <PageHeading title={t('home.emptyTitle')}>
          <span id="empty-title">{t('home.emptyTitle')}</span>
        </PageHeading>
        <p className="lead">{t('home.emptyIntro')}</p>
        <ul className="empty-state__points">
          <li>{t('home.emptyPoints.local')}</li>
          <li>{t('home.emptyPoints.offline')}</li>
          <li>{t('home.emptyPoints.autosave')}</li>
        </ul>
        <Link className="button button--primary" to="/establishments/new">
          {t('home.emptyAction')}
        </Link>
      </section>
    );
  }

  return (
    <>
      <div className="page-header">
        <PageHeading title={t('home.title')}>{t('home.title')}</PageHeading>
        <Link className="button button--primary" to="/establishments/new">
          {t('home.create')}
        </Link>
      </div>
      <ul className="card-list" aria-label={t('home.listLabel')}>
        {list.map((e) => (
          <li key={e.id} className="card">
            <Link to={`/establishments/${e.id}`} className="card__title">
              {e.name}
            </Link>
            <p className="card__meta">
              {t('home.finess', { finess: e.finessEj })} · {t(`establishments.categories.${e.category}`)}
              {e.ghtName ? ` · ${e.ghtName}` : ''}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
