import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import type { Establishment } from '../../domain/establishment/establishment';
import { listEstablishments } from '../../storage/establishment-queries';
import { useDatabase, useLiveQuery } from '../../storage/use-database';
import { DisplayName } from '../../components/display-name';

/** The home page: the establishments of this device, or, on a first visit, what the app is and how to start. */
export function EstablishmentsPage() {
  const { t } = useTranslation();
  const db = useDatabase();
  const [showArchived, setShowArchived] = useState(false);
  const list = useLiveQuery(() => listEstablishments(db, { includeArchived: showArchived }), [db, showArchived]);

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
      <div className="field field--checkbox">
        <input
          type="checkbox"
          id="show-archived"
          checked={showArchived}
          onChange={(e) => setShowArchived(e.target.checked)}
        />
        <label htmlFor="show-archived">{t('home.showArchived')}</label>
      </div>
      {groupByGht(list).map(([ght, members]) => (
        <section key={ght ?? ''} className="section" aria-labelledby={`group-${ght ?? 'none'}`}>
          <h2 id={`group-${ght ?? 'none'}`}>
            {ght ? t('home.ghtGroup', { ght, count: members.length }) : t('home.noGht')}
          </h2>
          <ul className="card-list">
            {members.map((e) => (
              <li key={e.id} className="card">
                <Link to={`/establishments/${e.id}`} className="card__title">
                  <DisplayName name={e.name} />
                </Link>
                <p className="card__meta">
                  {t('home.finess', { finess: e.finessEj })} · {t(`establishments.categories.${e.category}`)}
                  {e.isGhtSupport ? ` · ${t('home.support')}` : ''}
                  {e.archived ? ` · ${t('home.archived')}` : ''}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** Establishments by GHT (a GHT groups its members; its support establishment first), those outside any GHT last. */
function groupByGht(list: Establishment[]): [string | undefined, Establishment[]][] {
  const groups = new Map<string | undefined, Establishment[]>();
  for (const e of list) groups.set(e.ghtName, [...(groups.get(e.ghtName) ?? []), e]);
  return [...groups.entries()]
    .map(([ght, members]): [string | undefined, Establishment[]] => [
      ght,
      [...members].sort(
        (a, b) => Number(b.isGhtSupport) - Number(a.isGhtSupport) || a.name.localeCompare(b.name, 'fr'),
      ),
    ])
    .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b, 'fr')));
}
