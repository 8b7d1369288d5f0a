import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { FormField } from '../../components/form-field';
import { PageHeading } from '../../components/page-heading';
import { useSaveStatus } from '../../components/save-status';
import {
  establishmentInputSchema,
  healthCategories,
  medicoSocialCategories,
  nis2Statuses,
  nis2StatusOf,
  sectorOfCategory,
  type EstablishmentInput,
  type ValidEstablishmentInput,
} from '../../domain/establishment/establishment';
import { checkFiness } from '../../domain/establishment/finess';
import { describeError, describeValidation } from '../../texts/describe-error';
import { useRepositories } from '../../storage/use-repositories';
import './establishment-form.css';

const emptyForm: EstablishmentInput = {
  name: '',
  finessEj: '',
  finessEg: '',
  category: '',
  ghtName: '',
  isGhtSupport: false,
  beds: '',
  staff: '',
  nis2Status: 'unknown',
};

/** Creates an establishment, or edits one (route /establishments/:establishmentId/edit). */
export function EstablishmentFormPage() {
  const { t } = useTranslation();
  const { establishmentId } = useParams();
  const { establishments } = useRepositories();
  const { save } = useSaveStatus();
  const navigate = useNavigate();
  const [submitError, setSubmitError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const editing = establishmentId !== undefined;

  const {
    register,
    handleSubmit,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<EstablishmentInput, unknown, ValidEstablishmentInput>({
    resolver: zodResolver(establishmentInputSchema),
    defaultValues: emptyForm,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });

  useEffect(() => {
    if (!establishmentId) return;
    void establishments.get(establishmentId).then((e) => {
      if (!e) return;
      reset({
        name: e.name,
        finessEj: e.finessEj,
        finessEg: e.finessEg ?? '',
        category: e.category,
        ghtName: e.ghtName ?? '',
        isGhtSupport: e.isGhtSupport,
        beds: e.beds === undefined ? '' : String(e.beds),
        staff: e.staff === undefined ? '' : String(e.staff),
        nis2Status: nis2StatusOf(e),
      });
    });
  }, [establishmentId, establishments, reset]);

  // After a refused submit, the summary of errors takes the focus so that a screen-reader user hears it first.
  const [invalidSubmits, setInvalidSubmits] = useState(0);
  const hasErrors = Object.keys(errors).length > 0;
  useEffect(() => {
    if (invalidSubmits > 0) summaryRef.current?.focus();
  }, [invalidSubmits]);

  const category = useWatch({ control, name: 'category' });
  // The GHT fields apply to health establishments only; nothing is shown for them before the category is known.
  const showGht = category !== '' && sectorOfCategory(category) === 'health';
  const finessEj = useWatch({ control, name: 'finessEj' });
  const finessEg = useWatch({ control, name: 'finessEg' });
  const corsica = (value: string | undefined) =>
    value && checkFiness(value).status === 'valid-key-unchecked' ? t('establishments.form.corsicaWarning') : undefined;

  const onSubmit = async (values: ValidEstablishmentInput) => {
    setSubmitError(null);
    try {
      const stored = await save(`establishment:${establishmentId ?? 'new'}`, () =>
        editing ? establishments.update(establishmentId, values) : establishments.create(values),
      );
      await navigate(`/establishments/${stored.id}`);
    } catch (error) {
      setSubmitError(describeError(t, error));
    }
  };

  const title = editing ? t('establishments.editTitle') : t('establishments.newTitle');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {hasErrors && invalidSubmits > 0 ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={summaryRef}>
          {t('establishments.form.errorSummary')}
        </div>
      ) : null}
      {submitError ? (
        <div className="notice notice--error" role="alert">
          {submitError}
        </div>
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={(event) => void handleSubmit(onSubmit, () => setInvalidSubmits((n) => n + 1))(event)}
      >
        <FormField
          label={t('establishments.form.category')}
          hint={t('establishments.form.categoryHint')}
          error={errors.category && describeValidation(t, errors.category.message)}
        >
          <select {...register('category')}>
            <option value="" disabled>
              {t('establishments.form.categoryChoose')}
            </option>
            <optgroup label={t('establishments.categoryGroups.health')}>
              {healthCategories.map((c) => (
                <option key={c} value={c}>
                  {t(`establishments.categories.${c}`)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('establishments.categoryGroups.medico-social')}>
              {medicoSocialCategories.map((c) => (
                <option key={c} value={c}>
                  {t(`establishments.categories.${c}`)}
                </option>
              ))}
            </optgroup>
          </select>
        </FormField>
        <FormField
          label={t('establishments.form.name')}
          error={errors.name && describeValidation(t, errors.name.message)}
        >
          <input type="text" autoComplete="organization" {...register('name')} />
        </FormField>
        <FormField
          label={t('establishments.form.finessEj')}
          hint={t('establishments.form.finessEjHint')}
          error={errors.finessEj && describeValidation(t, errors.finessEj.message)}
          warning={corsica(finessEj)}
        >
          <input type="text" inputMode="text" autoComplete="off" spellCheck={false} {...register('finessEj')} />
        </FormField>
        <FormField
          label={t('establishments.form.finessEg')}
          hint={t('establishments.form.finessEgHint')}
          error={errors.finessEg && describeValidation(t, errors.finessEg.message)}
          warning={corsica(finessEg)}
        >
          <input type="text" autoComplete="off" spellCheck={false} {...register('finessEg')} />
        </FormField>
        {showGht ? (
          <>
            <FormField
              label={t('establishments.form.ghtName')}
              hint={t('establishments.form.ghtNameHint')}
              error={errors.ghtName && describeValidation(t, errors.ghtName.message)}
            >
              <input type="text" {...register('ghtName')} />
            </FormField>
            <div className="field field--checkbox">
              <input type="checkbox" id="is-ght-support" {...register('isGhtSupport')} />
              <label htmlFor="is-ght-support">{t('establishments.form.isGhtSupport')}</label>
            </div>
          </>
        ) : null}
        <div className="form__row">
          <FormField
            label={t('establishments.form.beds')}
            error={errors.beds && describeValidation(t, errors.beds.message)}
          >
            <input type="text" inputMode="numeric" {...register('beds')} />
          </FormField>
          <FormField
            label={t('establishments.form.staff')}
            error={errors.staff && describeValidation(t, errors.staff.message)}
          >
            <input type="text" inputMode="numeric" {...register('staff')} />
          </FormField>
        </div>
        <fieldset className="nis2-status" aria-describedby="nis2-status-hint">
          <legend>{t('establishments.nis2.legend')}</legend>
          <p id="nis2-status-hint" className="field__hint">
            {t('establishments.nis2.hint')}
          </p>
          {nis2Statuses.map((status) => (
            <div key={status} className="nis2-status__option">
              <input type="radio" id={`nis2-status-${status}`} value={status} {...register('nis2Status')} />
              <label htmlFor={`nis2-status-${status}`}>{t(`establishments.nis2.statuses.${status}`)}</label>
            </div>
          ))}
          <details className="nis2-status__explanation">
            <summary>{t('establishments.nis2.explanationTitle')}</summary>
            <p>{t('establishments.nis2.explanationDirective')}</p>
            <p>{t('establishments.nis2.explanationTransposition')}</p>
            <p>{t('establishments.nis2.explanationUse')}</p>
            <p className="field__hint">{t('establishments.nis2.sources')}</p>
          </details>
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {editing ? t('establishments.form.submitEdit') : t('establishments.form.submitCreate')}
          </button>
          <button type="button" className="button" onClick={() => void navigate(-1)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
