import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { useSaveStatus } from '../../components/save-status';
import {
  actionToInput,
  costAgainstGap,
  isOpen,
  isOverdue,
  planCost,
  sortActions,
  type ActionInput,
  type ActionStatus,
  type ValidActionInput,
} from '../../domain/actions/action-plan';
import type { ActionRecord } from '../../domain/actions/action-record';
import { dueDateOf } from '../../domain/results/list-gaps';
import { describeError } from '../../texts/describe-error';
import { currentLanguage } from '../../i18n/i18n';
import { formatEuros, formatPercent, displayName } from '../../texts/format';
import { useDatabase } from '../../storage/use-database';
import { useRepositories } from '../../storage/use-repositories';
import { ActionForm } from './action-form';
import { ActionBoard, ActionTable, editControlId, statusControlId } from './action-views';
import { useActionPlan, type ActionPlanModel, type ItemRef } from './use-action-plan';
import { Loading, NotFound } from '../../components/page-states';
import './action-plan.css';
import { DisplayName } from '../../components/display-name';

type View = 'list' | 'board';

interface FocusTarget {
  elementId: string;
  /** Wait until the list shows this action, with this status if given. */
  actionId?: string;
  status?: ActionStatus;
}

/** What the form is doing: creating (from a gap or from scratch) or editing one action. */
type FormState =
  | { mode: 'closed' }
  | { mode: 'create'; origin: ItemRef | undefined; defaults: ActionInput }
  | { mode: 'edit'; action: ActionRecord };

/**
 * Route /establishments/:establishmentId/actions: the action plan in a list or a board, each action with its
 * owner, due date, status and estimated cost. `?assessment=…&item=…` opens a new action from that gap; `?action=…`
 * brings one action into view. Closing an action that came from a gap offers to update the answer it came from.
 */
export function ActionPlanPage() {
  const { t } = useTranslation();
  const { establishmentId = '' } = useParams();
  const state = useActionPlan(establishmentId);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'not-found') {
    return <NotFound message={t('establishments.notFound')} />;
  }
  return <ActionPlan model={state.model} />;
}

function ActionPlan({ model }: { model: ActionPlanModel }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const db = useDatabase();
  const readOnly = db.access === 'read-only';
  const { actions: repo } = useRepositories();
  const { save } = useSaveStatus();
  const [params, setParams] = useSearchParams();
  // The view is kept in the address too (a board can be bookmarked), but read from state so that the radio
  // reflects a change at once rather than after the navigation.
  const [view, setViewState] = useState<View>(params.get('view') === 'board' ? 'board' : 'list');
  const { establishment, asOf, itemRef } = model;
  // A link from a gap (?assessment=…&item=…) opens the form with the gap's action wording (never the question),
  // proof and due date.
  const fromAssessment = params.get('assessment') ?? undefined;
  const fromItem = params.get('item') ?? undefined;
  const [form, setForm] = useState<FormState>(() => {
    if (!fromAssessment || !fromItem) return { mode: 'closed' };
    const origin = itemRef(fromAssessment, fromItem);
    const due = origin ? dueDateOf(origin.item, asOf)?.due : undefined;
    return {
      mode: 'create',
      origin,
      defaults: {
        title: origin?.item.action[language] ?? '',
        description: origin ? t('actions.form.evidenceDescription', { evidence: origin.item.evidence[language] }) : '',
        owner: '',
        dueDate: due && due >= asOf ? due : '',
        status: 'todo',
        estimatedCost: '',
      },
    };
  });
  const [closed, setClosed] = useState<ActionRecord | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Where the focus goes once the live list shows the change (a card that moved column, a new action); a link
  // from a gap that already has an action (?action=…) starts with that action.
  const target = params.get('action');
  const pendingFocus = useRef<FocusTarget | null>(
    target ? { elementId: editControlId(target), actionId: target } : null,
  );
  const actions = sortActions(model.actions, asOf);

  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const { elementId, actionId, status } = pending;
    if (actionId && !model.actions.some((a) => a.id === actionId && (!status || a.status === status))) return;
    const element = document.getElementById(elementId);
    if (!element) return;
    pendingFocus.current = null;
    element.focus();
    element.scrollIntoView({ block: 'center' });
  });

  const closeForm = (focus?: FocusTarget) => {
    setForm({ mode: 'closed' });
    if (fromAssessment || fromItem) {
      const next = new URLSearchParams(params);
      next.delete('assessment');
      next.delete('item');
      setParams(next, { replace: true });
    }
    pendingFocus.current = focus ?? { elementId: 'new-action' };
  };

  const submit = async (values: ValidActionInput) => {
    setError(null);
    try {
      const stored =
        form.mode === 'edit'
          ? await save(`action:${form.action.id}`, () => repo.update(form.action.id, values))
          : await save('action:new', () =>
              repo.create(
                {
                  establishmentId: establishment.id,
                  assessmentId: form.mode === 'create' ? form.origin?.assessment.id : undefined,
                  itemId: form.mode === 'create' ? form.origin?.item.id : undefined,
                },
                values,
              ),
            );
      setMessage(t('actions.saved', { title: stored.title }));
      if (stored.status === 'done' && (form.mode !== 'edit' || form.action.status !== 'done')) setClosed(stored);
      closeForm({ elementId: editControlId(stored.id), actionId: stored.id, status: stored.status });
    } catch (caught) {
      setError(describeError(t, caught));
    }
  };

  const changeStatus = (action: ActionRecord, status: ActionStatus) => {
    setError(null);
    save(`action:${action.id}`, () => repo.setStatus(action.id, status)).then(
      (stored) => {
        setMessage(t('actions.moved', { title: stored.title, status: t(`actions.status.${status}`) }));
        setClosed(status === 'done' ? stored : null);
        // In the board the card changes column: the focus follows it.
        pendingFocus.current = { elementId: statusControlId(action.id), actionId: action.id, status };
      },
      (caught: unknown) => setError(describeError(t, caught)),
    );
  };

  const setView = (next: View) => {
    setViewState(next);
    const p = new URLSearchParams(params);
    if (next === 'board') p.set('view', 'board');
    else p.delete('view');
    setParams(p, { replace: true });
  };

  const cost = planCost(model.actions);
  const against = costAgainstGap(cost.open, model.budgetGap?.gap);
  const open = model.actions.filter((a) => isOpen(a.status));
  const overdue = open.filter((a) => isOverdue(a, asOf));
  const closedRef = closed ? itemRef(closed.assessmentId, closed.itemId) : undefined;

  // The list and the board show the same actions with the same controls; only the layout differs.
  const ActionView = view === 'board' ? ActionBoard : ActionTable;
  return (
    <div className="action-plan">
      <nav aria-label={t('results.breadcrumb')}>
        <ol className="breadcrumb-trail">
          <li>
            <Link to={`/establishments/${establishment.id}`}>
              <DisplayName name={establishment.name} />
            </Link>
          </li>
        </ol>
      </nav>
      <PageHeading title={`${t('actions.title')} — ${displayName(establishment.name)}`}>
        {t('actions.title')}
        <span className="page-heading__sub">
          <DisplayName name={establishment.name} />
        </span>
      </PageHeading>

      <section aria-labelledby="plan-summary" className="plan-summary">
        <h2 id="plan-summary" className="visually-hidden">
          {t('actions.summaryTitle')}
        </h2>
        <p>
          {t('actions.counts', { count: open.length })}{' '}
          {overdue.length > 0 ? (
            <strong className="overdue-text">{t('actions.overdueCount', { count: overdue.length })}</strong>
          ) : null}
        </p>
        <p>
          {t('actions.cost', { amount: formatEuros(cost.open, language) })}
          {cost.openWithoutEstimate > 0
            ? ` ${t('actions.withoutEstimate', { count: cost.openWithoutEstimate })}`
            : null}
        </p>
        <p data-testid="cost-against-gap">
          {model.budgetGap === undefined || against.gap === undefined ? (
            <>
              {t('actions.noBudget')}{' '}
              <Link to={`/establishments/${establishment.id}/budget`}>{t('actions.enterBudget')}</Link>
            </>
          ) : against.gap === 0 ? (
            t('actions.noGap', { year: model.budgetGap.year })
          ) : (
            <>
              {t('actions.gap', {
                gap: formatEuros(against.gap, language),
                target: formatPercent(model.budgetGap.target, language, 0),
                year: model.budgetGap.year,
              })}{' '}
              {(against.beyondGap ?? 0) > 0
                ? t('actions.beyondGap', { amount: formatEuros(against.beyondGap ?? 0, language) })
                : t('actions.shareOfGap', { share: formatPercent(against.share ?? 0, language, 0) })}
            </>
          )}
        </p>
      </section>

      <div className="plan-toolbar">
        <button
          type="button"
          id="new-action"
          className="button button--primary"
          disabled={readOnly}
          onClick={() =>
            setForm({
              mode: 'create',
              origin: undefined,
              defaults: { title: '', description: '', owner: '', dueDate: '', status: 'todo', estimatedCost: '' },
            })
          }
        >
          {t('actions.new')}
        </button>
        <fieldset className="view-switch">
          <legend>{t('actions.view.label')}</legend>
          {(['list', 'board'] as const).map((v) => (
            <label key={v} className="choice">
              <input type="radio" name="action-view" value={v} checked={view === v} onChange={() => setView(v)} />
              {t(`actions.view.${v}`)}
            </label>
          ))}
        </fieldset>
      </div>

      {error ? (
        <div className="notice notice--error" role="alert">
          {error}
        </div>
      ) : null}
      <div role="status" className="plan-status">
        {message ? <p>{message}</p> : null}
        {closed && closedRef ? (
          <p className="notice notice--success">
            {t('actions.closedInvite', { id: closedRef.item.id })}{' '}
            <Link
              to={`/assessments/${closedRef.assessment.id}/${closedRef.item.domain}?item=${encodeURIComponent(closedRef.item.id)}`}
            >
              {t('actions.updateAnswer')}
            </Link>
          </p>
        ) : null}
      </div>

      {form.mode !== 'closed' ? (
        <ActionForm
          key={form.mode === 'edit' ? form.action.id : `new-${form.origin?.item.id ?? ''}`}
          editing={form.mode === 'edit'}
          defaults={form.mode === 'edit' ? actionToInput(form.action) : form.defaults}
          origin={form.mode === 'edit' ? itemRef(form.action.assessmentId, form.action.itemId) : form.origin}
          language={language}
          onSubmit={submit}
          onCancel={() => closeForm(form.mode === 'edit' ? { elementId: editControlId(form.action.id) } : undefined)}
        />
      ) : null}

      {actions.length === 0 ? (
        <p>{t('actions.none')}</p>
      ) : (
        <ActionView
          actions={actions}
          asOf={asOf}
          language={language}
          itemRef={itemRef}
          onStatus={changeStatus}
          onEdit={(action) => setForm({ mode: 'edit', action })}
          readOnly={readOnly}
        />
      )}
    </div>
  );
}
