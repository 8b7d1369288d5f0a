import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/form-field';
import { actionInputSchema, type ActionInput, type ValidActionInput } from '../../domain/actions/action-plan';
import { actionStatuses } from '../../domain/actions/action-record';
import type { Language } from '../../domain/localized-text';
import { describeActionValidation } from '../../texts/describe-error';
import type { ItemRef } from './use-action-plan';

interface ActionFormProps {
  /** Set when editing; undefined for a new action. */
  editing: boolean;
  defaults: ActionInput;
  origin: ItemRef | undefined;
  language: Language;
  onSubmit: (values: ValidActionInput) => Promise<void>;
  onCancel: () => void;
}

/**
 * Creates or edits an action: title, owner, due date, status, estimated cost, description. The heading takes the
 * focus when the form opens, so that a keyboard or screen-reader user lands on it.
 */
export function ActionForm({ editing, defaults, origin, language, onSubmit, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ActionInput, unknown, ValidActionInput>({
    resolver: zodResolver(actionInputSchema),
    defaultValues: defaults,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  useEffect(() => headingRef.current?.focus(), []);
  const message = (code: string | undefined) => describeActionValidation(t, code);

  return (
    <section className="action-form" aria-labelledby="action-form-title">
      <h2 id="action-form-title" ref={headingRef} tabIndex={-1}>
        {editing ? t('actions.form.editTitle') : t('actions.form.newTitle')}
      </h2>
      {origin ? (
        <p className="action-form__origin">
          {t('actions.form.fromGap', { id: origin.item.id, question: origin.item.question[language] })}
        </p>
      ) : null}
      <form className="form" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
        <FormField label={t('actions.form.title')} error={errors.title && message(errors.title.message)}>
          <textarea rows={3} {...register('title')} />
        </FormField>
        <div className="form__row">
          <FormField
            label={t('actions.form.owner')}
            hint={t('actions.form.ownerHint')}
            error={errors.owner && message(errors.owner.message)}
          >
            <input type="text" autoComplete="off" {...register('owner')} />
          </FormField>
          <FormField label={t('actions.form.dueDate')} error={errors.dueDate && message(errors.dueDate.message)}>
            <input type="date" {...register('dueDate')} />
          </FormField>
        </div>
        <div className="form__row">
          <FormField label={t('actions.form.status')}>
            <select {...register('status')}>
              {actionStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`actions.status.${s}`)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            label={t('actions.form.cost')}
            hint={t('actions.form.costHint')}
            error={errors.estimatedCost && message(errors.estimatedCost.message)}
          >
            <input type="text" inputMode="decimal" autoComplete="off" {...register('estimatedCost')} />
          </FormField>
        </div>
        <FormField
          label={t('actions.form.description')}
          error={errors.description && message(errors.description.message)}
        >
          <textarea rows={3} {...register('description')} />
        </FormField>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {editing ? t('actions.form.submitEdit') : t('actions.form.submitCreate')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
