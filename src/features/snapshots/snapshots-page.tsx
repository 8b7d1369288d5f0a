import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Loading, NotFound } from '../../components/page-states';
import { PageHeading } from '../../components/page-heading';
import { useSaveStatus } from '../../components/save-status';
import { freezeAssessment, type Snapshot } from '../../domain/snapshot/snapshot';
import { currentLanguage } from '../../i18n/i18n';
import { describeError } from '../../texts/describe-error';
import { formatDate, formatDateTime, formatScore } from '../../texts/format';
import { loadQuestionnaire } from '../../storage/questionnaire-catalog';
import { SnapshotRepository } from '../../storage/snapshot-repository';
import { useDatabase } from '../../storage/use-database';
import { SnapshotComparison } from './snapshot-comparison';
import { SnapshotView } from './snapshot-view';
import { useSnapshots, type SnapshotsModel } from './use-snapshots';
import './snapshots.css';
import { AssessmentBreadcrumb } from '../../components/assessment-breadcrumb';

/** The value of the compare selects that stands for the living assessment. */
export const NOW = 'now';

/**
 * Route /assessments/:assessmentId/snapshots (issue 18): freeze the assessment, list its snapshots with what each
 * holds, view one read-only (?view=id), print or export it (the report and export screens with ?snapshot=id), compare
 * two of them or one with now (?before=id&after=id|now), delete one after a confirmation. Every choice is in the
 * address, so a reload shows the same thing.
 */
export function SnapshotsPage() {
  const { t } = useTranslation();
  const { assessmentId = '' } = useParams();
  const state = useSnapshots(assessmentId);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'not-found') return <NotFound message={t('results.notFound')} />;
  if (state.status === 'questionnaire-missing') {
    return (
      <p className="notice notice--error" role="alert">
        {t('assessment.questionnaireMissing', {
          id: state.assessment.questionnaireId,
          version: state.assessment.questionnaireVersion,
        })}
      </p>
    );
  }
  return <Snapshots model={state.model} />;
}

function Snapshots({ model }: { model: SnapshotsModel }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const { assessment, establishment, questionnaire, snapshots } = model;
  const name = `${questionnaire.title[language]} ${assessment.campaignYear}`;
  const base = `/assessments/${assessment.id}`;
  const viewed = snapshots.find((s) => s.id === params.get('view'));
  const before = params.get('before');
  const after = params.get('after');
  const stateOf = (id: string | null) =>
    id === NOW ? { label: t('snapshots.compare.now'), ...model.now } : snapshots.find((s) => s.id === id);
  const compared = { before: stateOf(before), after: stateOf(after) };
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | undefined>();

  return (
    <div className="snapshots">
      <AssessmentBreadcrumb establishment={establishment} assessmentId={assessment.id} assessmentName={name}>
        <li>
          <Link to={`${base}/results`}>{t('results.short')}</Link>
        </li>
      </AssessmentBreadcrumb>
      <PageHeading title={`${t('snapshots.heading')} — ${name}`}>
        {t('snapshots.heading')}
        <span className="page-heading__sub">{name}</span>
      </PageHeading>
      <p className="lead">{t('snapshots.intro')}</p>

      <FreezeForm model={model} onDone={setMessage} />
      <div aria-live="polite" role="status" className="snapshots__message">
        {message?.kind === 'status' ? message.text : null}
      </div>
      {message?.kind === 'alert' ? (
        <p className="notice notice--error" role="alert">
          {message.text}
        </p>
      ) : null}

      {viewed ? (
        <SnapshotView
          snapshot={viewed}
          questionnaire={model.questionnaireOf(viewed)}
          onClose={() => setParams((p) => (p.delete('view'), p))}
        />
      ) : null}

      <SnapshotList model={model} onMessage={setMessage} />

      <CompareForm
        snapshots={snapshots}
        before={before}
        after={after}
        onCompare={(b, a) => setParams({ before: b, after: a })}
      />
      {compared.before && compared.after ? (
        <SnapshotComparison
          before={{ label: labelOf(compared.before, t), state: compared.before }}
          after={{ label: labelOf(compared.after, t), state: compared.after }}
          questionnaires={[
            model.questionnaire,
            ...[compared.after, compared.before].flatMap((s) => {
              const q = 'questionnaireId' in s ? model.questionnaireOf(s) : undefined;
              return q ? [q] : [];
            }),
          ]}
          onClose={() => setParams({})}
        />
      ) : null}
    </div>
  );
}

function labelOf(state: Snapshot | { label: string }, t: (key: 'snapshots.compare.now') => string): string {
  return 'label' in state ? state.label : state.name || t('snapshots.compare.now');
}

function FreezeForm({
  model,
  onDone,
}: {
  model: SnapshotsModel;
  onDone: (message: { kind: 'status' | 'alert'; text: string }) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const db = useDatabase();
  const { save } = useSaveStatus();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const readOnly = db.access === 'read-only';
  const [today] = useState(() => new Date().getTime());
  const defaultName = t('snapshots.freeze.defaultName', { date: formatDate(today, language) });

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    const frozenAt = new Date().getTime();
    const chosen = name.trim() || t('snapshots.freeze.defaultName', { date: formatDate(frozenAt, language) });
    try {
      const snapshot = await save(`snapshot-freeze-${model.assessment.id}`, () =>
        new SnapshotRepository(db).freeze(model.assessment.id, async (bundle) => {
          // The questionnaire version the answers read at this moment were given against (another tab may have moved
          // the assessment to a newer version meanwhile).
          const { questionnaire } = await loadQuestionnaire(
            bundle.assessment.questionnaireId,
            bundle.assessment.questionnaireVersion,
          );
          return freezeAssessment(bundle, questionnaire, { id: crypto.randomUUID(), name: chosen, frozenAt });
        }),
      );
      setName('');
      onDone({
        kind: 'status',
        text: t('snapshots.freeze.done', { name: snapshot.name, date: formatDateTime(snapshot.frozenAt, language) }),
      });
    } catch (error) {
      onDone({ kind: 'alert', text: t('snapshots.freeze.failed', { reason: describeError(t, error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="section snapshots__freeze">
      <h2 id={`${id}-title`}>{t('snapshots.freeze.title')}</h2>
      {readOnly ? <p className="notice">{t('snapshots.status.readOnly')}</p> : null}
      <form onSubmit={(event) => void submit(event)} className="snapshots__freeze-form">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('snapshots.freeze.name')}</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            maxLength={200}
            aria-describedby={`${id}-hint`}
            onChange={(event) => setName(event.target.value)}
          />
          <p id={`${id}-hint`} className="field__hint">
            {t('snapshots.freeze.nameHint', { default: defaultName })}
          </p>
        </div>
        <button type="submit" className="button button--primary" disabled={busy || readOnly}>
          {t('snapshots.freeze.submit')}
        </button>
      </form>
    </section>
  );
}

function SnapshotList({
  model,
  onMessage,
}: {
  model: SnapshotsModel;
  onMessage: (message: { kind: 'status' | 'alert'; text: string }) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const db = useDatabase();
  const { save } = useSaveStatus();
  const [, setParams] = useSearchParams();
  const [deleting, setDeleting] = useState<Snapshot | undefined>();
  const id = useId();
  const { snapshots, assessment } = model;
  const base = `/assessments/${assessment.id}`;
  const readOnly = db.access === 'read-only';

  const remove = async (snapshot: Snapshot) => {
    setDeleting(undefined);
    try {
      await save(`snapshot-delete-${snapshot.id}`, () => new SnapshotRepository(db).remove(snapshot.id));
      setParams((p) => {
        for (const key of ['view', 'before', 'after']) if (p.get(key) === snapshot.id) p.delete(key);
        return p;
      });
      onMessage({ kind: 'status', text: t('snapshots.delete.done', { name: snapshot.name }) });
    } catch (error) {
      onMessage({ kind: 'alert', text: t('snapshots.delete.failed', { reason: describeError(t, error) }) });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="section">
      <h2 id={`${id}-title`}>{t('snapshots.list.title', { count: snapshots.length })}</h2>
      {snapshots.length === 0 ? <p>{t('snapshots.list.empty')}</p> : null}
      <ul className="snapshot-list">
        {snapshots.map((snapshot) => {
          const { overall } = snapshot.scores;
          const labels = { name: snapshot.name };
          return (
            <li key={snapshot.id} className="snapshot-card">
              <h3>{snapshot.name}</h3>
              <p className="snapshot-card__date">
                {t('snapshots.list.frozenAt', { date: formatDateTime(snapshot.frozenAt, language) })}
              </p>
              <p>
                {t('snapshots.list.figures', {
                  score: overall.score === undefined ? '—' : formatScore(overall.score, language),
                  answered: overall.answered,
                  applicable: overall.applicable,
                  count: snapshot.evidence.length,
                })}
              </p>
              <p className="snapshot-card__meta">
                {t('snapshots.list.version', { id: snapshot.questionnaireId, version: snapshot.questionnaireVersion })}
                {' · '}
                <span className="snapshot-card__digest">
                  {t('snapshots.list.digest', { digest: snapshot.digest.slice(0, 16) })}
                </span>
              </p>
              <ul className="snapshot-card__actions">
                <li>
                  <Link to={`?view=${snapshot.id}`} aria-label={t('snapshots.list.viewLabel', labels)}>
                    {t('snapshots.list.view')}
                  </Link>
                </li>
                <li>
                  <Link
                    to={`${base}/report?snapshot=${snapshot.id}`}
                    aria-label={t('snapshots.list.printLabel', labels)}
                  >
                    {t('snapshots.list.print')}
                  </Link>
                </li>
                <li>
                  <Link
                    to={`${base}/export?snapshot=${snapshot.id}`}
                    aria-label={t('snapshots.list.exportLabel', labels)}
                  >
                    {t('snapshots.list.export')}
                  </Link>
                </li>
                <li>
                  <Link
                    to={`${base}/declaration?snapshot=${snapshot.id}`}
                    aria-label={t('declaration.fromSnapshotLabel', labels)}
                  >
                    {t('declaration.fromSnapshot')}
                  </Link>
                </li>
                <li>
                  <Link
                    to={`?before=${snapshot.id}&after=${NOW}`}
                    aria-label={t('snapshots.list.compareNowLabel', labels)}
                  >
                    {t('snapshots.list.compareNow')}
                  </Link>
                </li>
                <li>
                  <button
                    type="button"
                    className="button button--small button--danger"
                    aria-label={t('snapshots.list.deleteLabel', labels)}
                    disabled={readOnly}
                    onClick={() => setDeleting(snapshot)}
                  >
                    {t('snapshots.list.delete')}
                  </button>
                </li>
              </ul>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={deleting !== undefined}
        title={t('snapshots.delete.title')}
        body={
          deleting
            ? t('snapshots.delete.body', { name: deleting.name, date: formatDateTime(deleting.frozenAt, language) })
            : ''
        }
        confirmLabel={t('snapshots.delete.confirm')}
        cancelLabel={t('snapshots.delete.cancel')}
        onConfirm={() => {
          if (deleting) void remove(deleting);
        }}
        onCancel={() => setDeleting(undefined)}
      />
    </section>
  );
}

function CompareForm({
  snapshots,
  before,
  after,
  onCompare,
}: {
  snapshots: Snapshot[];
  before: string | null;
  after: string | null;
  onCompare: (before: string, after: string) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const known = (value: string | null) => value === NOW || snapshots.some((s) => s.id === value);
  const [chosenBefore, setBefore] = useState(known(before) && before ? before : (snapshots[0]?.id ?? NOW));
  const [chosenAfter, setAfter] = useState(known(after) && after ? after : NOW);
  const options = [
    ...snapshots.map((s) => ({
      value: s.id,
      label: `${s.name} — ${formatDateTime(s.frozenAt, language)}`,
    })),
    { value: NOW, label: t('snapshots.compare.now') },
  ];
  return (
    <section aria-labelledby={`${id}-title`} className="section">
      <h2 id={`${id}-title`}>{t('snapshots.compare.title')}</h2>
      {snapshots.length === 0 ? (
        <p>{t('snapshots.compare.needTwo')}</p>
      ) : (
        <form
          className="snapshots__compare-form"
          onSubmit={(event) => {
            event.preventDefault();
            onCompare(chosenBefore, chosenAfter);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-before`}>{t('snapshots.compare.before')}</label>
            <select id={`${id}-before`} value={chosenBefore} onChange={(e) => setBefore(e.target.value)}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-after`}>{t('snapshots.compare.after')}</label>
            <select id={`${id}-after`} value={chosenAfter} onChange={(e) => setAfter(e.target.value)}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t('snapshots.compare.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
