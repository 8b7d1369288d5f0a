import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading';
import { ScrollRegion } from '../../components/scroll-region';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire-schema';
import { currentLanguage } from '../../i18n/i18n';
import { formatDate } from '../../texts/format';
import type { LoadedQuestionnaire } from '../../storage/questionnaire-catalog';
import { useAllQuestionnaires } from '../../storage/use-repositories';
import './questionnaires.css';

/**
 * The shipped questionnaires: the newest version of each with its counts per domain, official objectives, what is
 * new in it and where the content comes from; the older versions kept for the assessments begun on them; and the
 * roadmap the programmes belong to.
 */
export function QuestionnairesPage() {
  const { t } = useTranslation();
  const all = useAllQuestionnaires();
  // loadAllQuestionnaires lists each questionnaire's versions newest first.
  const newest =
    all.status === 'ready'
      ? all.value.filter((l, i, list) => list[i - 1]?.questionnaire.id !== l.questionnaire.id)
      : [];
  const olderOf = (id: string) =>
    all.status === 'ready' ? all.value.filter((l) => l.questionnaire.id === id).slice(1) : [];
  return (
    <>
      <PageHeading title={t('questionnaires.title')}>{t('questionnaires.title')}</PageHeading>
      <p className="lead">{t('questionnaires.intro')}</p>
      <section className="section roadmap" aria-labelledby="roadmap-title">
        <h2 id="roadmap-title">{t('questionnaires.roadmap.title')}</h2>
        <p>{t('questionnaires.roadmap.text')}</p>
        <p className="roadmap__source">{t('questionnaires.roadmap.source')}</p>
      </section>
      {all.status === 'loading' ? <p role="status">{t('common.loading')}</p> : null}
      {all.status === 'error' ? (
        <p className="notice notice--error" role="alert">
          {t('questionnaires.loadError')}
        </p>
      ) : null}
      {newest.map((loaded) => (
        <QuestionnaireSummary
          key={`${loaded.questionnaire.id}@${loaded.questionnaire.version}`}
          loaded={loaded}
          older={olderOf(loaded.questionnaire.id)}
        />
      ))}
    </>
  );
}

function countOfficial(items: Questionnaire['items']): number {
  return items.filter((i) => i.basis.kind === 'official').length;
}

function QuestionnaireSummary({ loaded, older }: { loaded: LoadedQuestionnaire; older: LoadedQuestionnaire[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const q = loaded.questionnaire;
  const headingId = `questionnaire-${q.id}-${q.version}`;
  return (
    <section className="section questionnaire-summary" aria-labelledby={headingId}>
      <h2 id={headingId}>{q.title[language]}</h2>
      <p>{q.description[language]}</p>
      <ul className="inline-facts">
        <li>{t('questionnaires.version', { version: q.version, date: formatDate(q.releasedAt, language) })}</li>
        <li>
          {t('questionnaires.audience', {
            audience: q.audience.map((a) => t(`questionnaires.audiences.${a}`)).join(', '),
          })}
        </li>
        <li>{t('questionnaires.items', { count: q.items.length })}</li>
        <li>{t('questionnaires.official', { count: countOfficial(q.items) })}</li>
        <li>{t('questionnaires.unconfirmed', { count: q.items.filter((i) => i.unconfirmed).length })}</li>
      </ul>
      {q.releaseNotes ? (
        <>
          <h3 id={`${headingId}-news`}>{t('questionnaires.releaseNotes', { version: q.version })}</h3>
          <ul className="release-notes" aria-labelledby={`${headingId}-news`}>
            {q.releaseNotes.map((note) => (
              <li key={note.fr}>{note[language]}</li>
            ))}
          </ul>
        </>
      ) : null}
      <ScrollRegion labelledBy={`${headingId}-domains`}>
        <table className="data-table">
          <caption id={`${headingId}-domains`}>
            {t('questionnaires.domainsCaption', { title: q.title[language] })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('questionnaires.domain')}</th>
              <th scope="col">{t('questionnaires.itemCount')}</th>
              <th scope="col">{t('questionnaires.officialCount')}</th>
            </tr>
          </thead>
          <tbody>
            {q.domains.map((d) => {
              const items = q.items.filter((i) => i.domain === d.id);
              return (
                <tr key={d.id}>
                  <th scope="row">{d.title[language]}</th>
                  <td>{items.length}</td>
                  <td>{countOfficial(items)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('questionnaires.total')}</th>
              <td>{q.items.length}</td>
              <td>{countOfficial(q.items)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <h3>{t('questionnaires.sources')}</h3>
      <ul className="sources">
        {q.sources.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong> — {s.reference} ({t(`questionnaires.confidence.${s.confidence}`)})
          </li>
        ))}
      </ul>
      <p className="fingerprint">{t('questionnaires.contentHash', { hash: loaded.contentHash.slice(0, 16) })}</p>
      {older.map((o) => (
        <p key={o.questionnaire.version} className="older-version">
          {t('questionnaires.olderVersion', {
            version: o.questionnaire.version,
            date: formatDate(o.questionnaire.releasedAt, language),
            count: o.questionnaire.items.length,
            hash: o.contentHash.slice(0, 16),
          })}
        </p>
      ))}
    </section>
  );
}
