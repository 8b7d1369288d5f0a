import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/form-field';
import { useSaveStatus } from '../../components/save-status';
import {
  applicationInputSchema,
  suggestedApplication,
  type ApplicationInput,
  type ValidApplicationInput,
} from '../../domain/applications/application-input';
import {
  applicationKinds,
  authenticationMeans,
  homologationStates,
  type ApplicationRecord,
} from '../../domain/applications/application-record';
import { describeApplicationValidation, describeError } from '../../texts/describe-error';
import { useRepositories } from '../../storage/use-repositories';

type ApplicationKind = (typeof applicationKinds)[number];

const count = (value: number | undefined) => (value === undefined ? '' : String(value));

function valuesOf(application: ApplicationRecord): ApplicationInput {
  return {
    name: application.name,
    kind: application.kind,
    handlesHealthData: application.handlesHealthData,
    sharedOrExternal: application.sharedOrExternal,
    remoteAccess: application.remoteAccess,
    sensitiveReason: application.sensitiveReason ?? '',
    authentication: [...application.authentication],
    users: count(application.users),
    usersWithTwoFactors: count(application.usersWithTwoFactors),
    doctorsAndNurses: count(application.doctorsAndNurses),
    doctorsAndNursesWithTwoFactors: count(application.doctorsAndNursesWithTwoFactors),
    homologation: application.homologation,
    targetDate: application.targetDate ?? '',
  };
}

function emptyValues(kind: ApplicationKind, name: string): ApplicationInput {
  return {
    name,
    kind,
    ...suggestedApplication(kind),
    sensitiveReason: '',
    authentication: [],
    users: '',
    usersWithTwoFactors: '',
    doctorsAndNurses: '',
    doctorsAndNursesWithTwoFactors: '',
    homologation: 'to-do',
    targetDate: '',
  };
}

/**
 * Adds an application to the inventory or edits one. The form is validated as a whole (the name, at least one
 * means, counts that add up) before anything is written; the header shows « Enregistré » once IndexedDB has it.
 */
export function ApplicationForm({
  establishmentId,
  application,
  preset,
  onDone,
  onCancel,
}: {
  establishmentId: string;
  application?: ApplicationRecord;
  preset?: { kind: ApplicationKind; name: string };
  onDone: (stored: ApplicationRecord, created: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { applications } = useRepositories();
  const { save } = useSaveStatus();
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [invalidSubmits, setInvalidSubmits] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const editing = application !== undefined;
  const {
    register,
    handleSubmit,
    control,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ApplicationInput, unknown, ValidApplicationInput>({
    resolver: zodResolver(applicationInputSchema),
    defaultValues: application
      ? valuesOf(application)
      : emptyValues(preset?.kind ?? 'patient-record', preset?.name ?? ''),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });

  useEffect(() => setFocus('name'), [setFocus]);
  useEffect(() => {
    if (invalidSubmits > 0) summaryRef.current?.focus();
  }, [invalidSubmits]);

  const [health, shared, remote] = useWatch({
    control,
    name: ['handlesHealthData', 'sharedOrExternal', 'remoteAccess'],
  });
  const sensitive = health && (shared || remote);
  const message = (code: string | undefined) => (code ? describeApplicationValidation(t, code) : undefined);

  const onSubmit = async (values: ValidApplicationInput) => {
    setSubmitError(null);
    try {
      const stored = await save(`application:${application?.id ?? 'new'}`, () =>
        application ? applications.update(application.id, values) : applications.create(establishmentId, values),
      );
      onDone(stored, !editing);
    } catch (error) {
      setSubmitError(describeError(t, error));
    }
  };

  const title = editing
    ? t('applications.form.editTitle', { name: application.name })
    : t('applications.form.addTitle');
  return (
    <form
      className="form application-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit, () => setInvalidSubmits((n) => n + 1))(event)}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      {Object.keys(errors).length > 0 && invalidSubmits > 0 ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={summaryRef}>
          {t('applications.form.errorSummary')}
        </div>
      ) : null}
      {submitError ? (
        <div className="notice notice--error" role="alert">
          {t('common.save.notSaved', { reason: submitError })}
        </div>
      ) : null}
      <FormField label={t('applications.form.name')} error={message(errors.name?.message)}>
        <input type="text" autoComplete="off" {...register('name')} />
      </FormField>
      <FormField label={t('applications.form.kind')}>
        <select {...register('kind')}>
          {applicationKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`applications.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </FormField>

      <fieldset className="application-form__group">
        <legend>{t('applications.form.sensitivityLegend')}</legend>
        <div className="field--checkbox">
          <input type="checkbox" id={`${id}-health`} {...register('handlesHealthData')} />
          <label htmlFor={`${id}-health`}>{t('applications.form.healthData')}</label>
        </div>
        <div className="field--checkbox">
          <input type="checkbox" id={`${id}-shared`} {...register('sharedOrExternal')} />
          <label htmlFor={`${id}-shared`}>{t('applications.form.shared')}</label>
        </div>
        <div className="field--checkbox">
          <input type="checkbox" id={`${id}-remote`} {...register('remoteAccess')} />
          <label htmlFor={`${id}-remote`}>{t('applications.form.remote')}</label>
        </div>
        <p className="application-form__verdict" role="status">
          {sensitive ? t('applications.form.isSensitive') : t('applications.form.isNotSensitive')}
        </p>
        <FormField label={t('applications.form.reason')} error={message(errors.sensitiveReason?.message)}>
          <textarea rows={2} {...register('sensitiveReason')} />
        </FormField>
      </fieldset>

      <fieldset
        className="application-form__group"
        aria-describedby={`${id}-means-hint${errors.authentication ? ` ${id}-means-error` : ''}`}
      >
        <legend>{t('applications.form.meansLegend')}</legend>
        <p id={`${id}-means-hint`} className="field__hint">
          {t('applications.form.meansHint')}
        </p>
        <div className="application-form__means">
          {authenticationMeans.map((means) => (
            <div key={means} className="field--checkbox">
              <input
                type="checkbox"
                id={`${id}-means-${means}`}
                value={means}
                aria-invalid={errors.authentication ? true : undefined}
                {...register('authentication')}
              />
              <label htmlFor={`${id}-means-${means}`}>{t(`applications.means.${means}`)}</label>
            </div>
          ))}
        </div>
        {errors.authentication ? (
          <p id={`${id}-means-error`} className="field__error">
            {message(errors.authentication.message)}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="application-form__group">
        <legend>{t('applications.form.usersLegend')}</legend>
        <p className="field__hint">{t('applications.form.usersHint')}</p>
        <div className="form__row">
          <FormField label={t('applications.form.users')} error={message(errors.users?.message)}>
            <input type="text" inputMode="numeric" autoComplete="off" {...register('users')} />
          </FormField>
          <FormField
            label={t('applications.form.usersWithTwoFactors')}
            error={message(errors.usersWithTwoFactors?.message)}
          >
            <input type="text" inputMode="numeric" autoComplete="off" {...register('usersWithTwoFactors')} />
          </FormField>
        </div>
        <p className="field__hint">{t('applications.form.cliniciansHint')}</p>
        <div className="form__row">
          <FormField label={t('applications.form.doctorsAndNurses')} error={message(errors.doctorsAndNurses?.message)}>
            <input type="text" inputMode="numeric" autoComplete="off" {...register('doctorsAndNurses')} />
          </FormField>
          <FormField
            label={t('applications.form.doctorsAndNursesWithTwoFactors')}
            error={message(errors.doctorsAndNursesWithTwoFactors?.message)}
          >
            <input type="text" inputMode="numeric" autoComplete="off" {...register('doctorsAndNursesWithTwoFactors')} />
          </FormField>
        </div>
      </fieldset>

      <FormField label={t('applications.form.homologation')} hint={t('applications.form.homologationHint')}>
        <select {...register('homologation')}>
          {homologationStates.map((state) => (
            <option key={state} value={state}>
              {t(`applications.homologation.${state}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('applications.form.targetDate')} error={message(errors.targetDate?.message)}>
        <input type="date" {...register('targetDate')} />
      </FormField>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {editing ? t('applications.form.submitEdit') : t('applications.form.submitAdd')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('applications.form.cancel')}
        </button>
      </div>
    </form>
  );
}
