import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { useSaveStatus } from '../../components/save-status';
import { applicationKinds, type ApplicationRecord } from '../../domain/applications/application-record';
import { sortApplications } from '../../domain/applications/mfa-compliance';
import { describeError } from '../../texts/describe-error';
import { currentLanguage } from '../../i18n/i18n';
import { useDatabase, useLiveQuery } from '../../storage/use-database';
import { useRepositories } from '../../storage/use-repositories';
import { ApplicationCard } from './application-card';
import { ApplicationForm } from './application-form';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { MfaResults } from './mfa-results';
import './applications.css';
import { Loading, NotFound } from '../../components/page-states';
import { DisplayName } from '../../components/display-name';
import { displayName } from '../../texts/format';

type ApplicationKind = (typeof applicationKinds)[number];
type FormState = { mode: 'add'; preset?: { kind: ApplicationKind; name: string } } | { mode: 'edit'; id: string };

/** Kinds suggested while the inventory lacks them: the applications HospiConnect and the RIE look at first. */
const suggestedKinds = applicationKinds.filter((kind) => kind !== 'other');

/**
 * The sensitive-application inventory of an establishment (route /establishments/:establishmentId/applications):
 * compliance with the 2026 rule and the 2027 / 2028 HospiConnect targets first, then every application, the
 * non-compliant ones first. Adding, editing and removing work with the keyboard alone; removal asks first.
 */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { establishmentId = '' } = useParams();
  const db = useDatabase();
  const { establishments, applications } = useRepositories();
  const { save } = useSaveStatus();
  const establishment = useLiveQuery(
    async () => (await establishments.get(establishmentId)) ?? null,
    [establishments, establishmentId],
  );
  const list = useLiveQuery(() => applications.listByEstablishment(establishmentId), [applications, establishmentId]);
  const [form, setForm] = useState<FormState | null>(null);
  const [confirm, setConfirm] = useState<ApplicationRecord | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const inventoryHeading = useRef<HTMLHeadingElement>(null);

  // After an add or an edit the focus goes to the application's title; after a removal, to the inventory.
  useEffect(() => {
    if (focusId === null) return;
    const target = focusId === 'inventory' ? inventoryHeading.current : document.getElementById(focusId);
    if (target) {
      target.focus();
      setFocusId(null);
    }
  }, [focusId, list]);

  if (establishment === undefined || list === undefined) return <Loading />;
  if (establishment === null) {
    return <NotFound message={t('establishments.notFound')} />;
  }

  const readOnly = db.access === 'read-only';
  const sorted = sortApplications(list);
  const presentKinds = new Set(list.map((a) => a.kind));
  const suggestions = suggestedKinds.filter((kind) => !presentKinds.has(kind));

  const openForm = (next: FormState) => {
    trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setMessage(null);
    setError(null);
    setForm(next);
  };
  const closeForm = () => {
    setForm(null);
    const back = trigger.current;
    // The button that opened the form, if it is still there; else the inventory.
    requestAnimationFrame(() => {
      if (back?.isConnected) back.focus();
      else inventoryHeading.current?.focus();
    });
  };
  const done = (stored: ApplicationRecord, created: boolean) => {
    setForm(null);
    setMessage(t(created ? 'applications.added' : 'applications.updated', { name: stored.name }));
    setFocusId(`application-${stored.id}`);
  };
  const remove = async (app: ApplicationRecord) => {
    setConfirm(null);
    setError(null);
    try {
      await save(`application:${app.id}`, () => applications.remove(app.id));
      setMessage(t('applications.removed', { name: app.name }));
      setFocusId('inventory');
    } catch (caught) {
      setError(describeError(t, caught));
    }
  };

  const title = t('applications.heading', { name: displayName(establishment.name) });
  return (
    <div className="applications">
      <p className="breadcrumb">
        <Link to={`/establishments/${establishment.id}`}>
          <DisplayName name={establishment.name} />
        </Link>
      </p>
      <PageHeading title={`${t('applications.title')} — ${displayName(establishment.name)}`}>{title}</PageHeading>
      <p className="lead">{t('applications.lead')}</p>
      <details className="applications__rules">
        <summary>{t('applications.rules.title')}</summary>
        <ul>
          <li>{t('applications.rules.rule2026')}</li>
          <li>{t('applications.rules.proSanteConnect')}</li>
          <li>{t('applications.rules.target2027')}</li>
          <li>{t('applications.rules.target2028')}</li>
          <li>{t('applications.rules.sensitive')}</li>
        </ul>
      </details>

      <MfaResults applications={list} language={language} />

      <section aria-labelledby="inventory-title" className="section">
        <h2 id="inventory-title" ref={inventoryHeading} tabIndex={-1}>
          {t('applications.inventory.title')}
        </h2>
        <p role="status" className="applications__status">
          {message}
        </p>
        {error ? (
          <p className="notice notice--error" role="alert">
            {t('common.save.notSaved', { reason: error })}
          </p>
        ) : null}
        {list.length === 0 ? <p>{t('applications.inventory.empty')}</p> : null}

        {form?.mode === 'add' ? (
          <ApplicationForm
            establishmentId={establishment.id}
            {...(form.preset ? { preset: form.preset } : {})}
            onDone={done}
            onCancel={closeForm}
          />
        ) : readOnly ? null : (
          <div className="applications__add">
            <button type="button" className="button button--primary" onClick={() => openForm({ mode: 'add' })}>
              {t('applications.inventory.add')}
            </button>
            {suggestions.length > 0 ? (
              <div className="applications__suggestions">
                <h3>{t('applications.inventory.suggestionsTitle')}</h3>
                <ul>
                  {suggestions.map((kind) => {
                    const name = t(`applications.suggestedNames.${kind}`);
                    return (
                      <li key={kind}>
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => openForm({ mode: 'add', preset: { kind, name } })}
                        >
                          {t('applications.inventory.suggest', { name })}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ) : null}
          </div>
        )}

        {sorted.length > 0 ? (
          <ul className="app-list">
            {sorted.map((app) =>
              form?.mode === 'edit' && form.id === app.id ? (
                <li key={app.id} className="app-card app-card--editing">
                  <ApplicationForm
                    establishmentId={establishment.id}
                    application={app}
                    onDone={done}
                    onCancel={closeForm}
                  />
                </li>
              ) : (
                <ApplicationCard
                  key={app.id}
                  application={app}
                  language={language}
                  readOnly={readOnly}
                  onEdit={() => openForm({ mode: 'edit', id: app.id })}
                  onRemove={() => {
                    trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
                    setConfirm(app);
                  }}
                />
              ),
            )}
          </ul>
        ) : null}
      </section>

      <ConfirmDialog
        open={confirm !== null}
        title={t('applications.remove.title', { name: confirm?.name ?? '' })}
        body={t('applications.remove.body')}
        confirmLabel={t('applications.remove.confirm')}
        cancelLabel={t('applications.remove.cancel')}
        onConfirm={() => {
          if (confirm) void remove(confirm);
        }}
        onCancel={() => {
          setConfirm(null);
          const back = trigger.current;
          requestAnimationFrame(() => back?.focus());
        }}
      />
    </div>
  );
}
