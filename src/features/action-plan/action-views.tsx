import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollRegion } from '../../components/scroll-region';
import { isOverdue, type ActionStatus } from '../../domain/actions/action-plan';
import { actionStatuses, type ActionRecord } from '../../domain/actions/action-record';
import type { Language } from '../../domain/localized-text';
import { formatDate, formatEuros } from '../../texts/format';
import type { ItemRef } from './use-action-plan';

export interface ActionViewProps {
  actions: readonly ActionRecord[];
  asOf: string;
  language: Language;
  itemRef: (assessmentId: string | undefined, itemId: string | undefined) => ItemRef | undefined;
  onStatus: (action: ActionRecord, status: ActionStatus) => void;
  onEdit: (action: ActionRecord) => void;
  readOnly: boolean;
}

/** Ids that let the page put the focus back on an action after it moved (board) or was saved. */
export const statusControlId = (id: string) => `action-status-${id}`;
export const editControlId = (id: string) => `action-edit-${id}`;

/** The status of an action, changed with the keyboard like any select (the board needs no dragging). */
function StatusSelect({
  action,
  onStatus,
  readOnly,
}: Pick<ActionViewProps, 'onStatus' | 'readOnly'> & { action: ActionRecord }) {
  const { t } = useTranslation();
  return (
    <select
      id={statusControlId(action.id)}
      className="status-select"
      value={action.status}
      disabled={readOnly}
      aria-label={t('actions.statusOf', { title: action.title })}
      onChange={(e) => onStatus(action, e.target.value as ActionStatus)}
    >
      {actionStatuses.map((s) => (
        <option key={s} value={s}>
          {t(`actions.status.${s}`)}
        </option>
      ))}
    </select>
  );
}

function DueDate({ action, asOf, language }: { action: ActionRecord; asOf: string; language: Language }) {
  const { t } = useTranslation();
  if (!action.dueDate) return <>{t('actions.noDate')}</>;
  return (
    <>
      {formatDate(action.dueDate, language)}
      {isOverdue(action, asOf) ? <span className="overdue-tag">{t('actions.overdue')}</span> : null}
    </>
  );
}

function Origin({
  action,
  itemRef,
  language,
}: { action: ActionRecord } & Pick<ActionViewProps, 'itemRef' | 'language'>) {
  const { t } = useTranslation();
  const ref = itemRef(action.assessmentId, action.itemId);
  if (!ref) return action.itemId ? <span className="action__origin">{action.itemId}</span> : null;
  return (
    <span className="action__origin">
      {t('actions.fromItem', { id: ref.item.id })}{' '}
      <Link to={`/assessments/${ref.assessment.id}/${ref.item.domain}?item=${encodeURIComponent(ref.item.id)}`}>
        {t('actions.seeAnswer')}
        <span className="visually-hidden">
          {' — '}
          {ref.item.question[language]}
        </span>
      </Link>
    </span>
  );
}

/** The list view: one row per action, overdue rows marked in words and colour. */
export function ActionTable(props: ActionViewProps) {
  const { t } = useTranslation();
  const { actions, asOf, language, onEdit, readOnly } = props;
  return (
    <ScrollRegion labelledBy="action-table-caption">
      <table className="data-table action-table">
        <caption id="action-table-caption" className="visually-hidden">
          {t('actions.listCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('actions.columns.action')}</th>
            <th scope="col">{t('actions.columns.owner')}</th>
            <th scope="col">{t('actions.columns.due')}</th>
            <th scope="col">{t('actions.columns.status')}</th>
            <th scope="col" className="num">
              {t('actions.columns.cost')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('actions.columns.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr
              key={action.id}
              className={`action-row action-row--${action.status}${isOverdue(action, asOf) ? ' action-row--overdue' : ''}`}
            >
              <th scope="row">
                <span className="action__title">{action.title}</span>
                <Origin action={action} itemRef={props.itemRef} language={language} />
              </th>
              <td>{action.owner ?? '—'}</td>
              <td>
                <DueDate action={action} asOf={asOf} language={language} />
              </td>
              <td>
                <StatusSelect action={action} onStatus={props.onStatus} readOnly={readOnly} />
              </td>
              <td className="num">
                <Cost action={action} language={language} />
              </td>
              <td>
                <EditButton action={action} onEdit={onEdit} readOnly={readOnly} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The board view: one column per status; a card moves when its status select changes. */
export function ActionBoard(props: ActionViewProps) {
  const { t } = useTranslation();
  const { actions, asOf, language, onEdit, readOnly } = props;
  return (
    <div className="action-board">
      {actionStatuses.map((status) => {
        const inColumn = actions.filter((a) => a.status === status);
        return (
          <section key={status} className={`board-column board-column--${status}`} aria-labelledby={`column-${status}`}>
            <h2 id={`column-${status}`} className="board-column__title">
              {t('actions.columnTitle', { status: t(`actions.status.${status}`), count: inColumn.length })}
            </h2>
            {inColumn.length === 0 ? (
              <p className="board-column__empty">{t('actions.emptyColumn')}</p>
            ) : (
              <ul className="board-column__cards">
                {inColumn.map((action) => (
                  <li
                    key={action.id}
                    className={`action-card${isOverdue(action, asOf) ? ' action-card--overdue' : ''}`}
                  >
                    <h3 className="action-card__title">{action.title}</h3>
                    <Origin action={action} itemRef={props.itemRef} language={language} />
                    <dl className="action-card__details">
                      <div>
                        <dt>{t('actions.columns.owner')}</dt>
                        <dd>{action.owner ?? '—'}</dd>
                      </div>
                      <div>
                        <dt>{t('actions.columns.due')}</dt>
                        <dd>
                          <DueDate action={action} asOf={asOf} language={language} />
                        </dd>
                      </div>
                      <div>
                        <dt>{t('actions.columns.cost')}</dt>
                        <dd>
                          <Cost action={action} language={language} />
                        </dd>
                      </div>
                    </dl>
                    <div className="action-card__controls">
                      <StatusSelect action={action} onStatus={props.onStatus} readOnly={readOnly} />
                      <EditButton action={action} onEdit={onEdit} readOnly={readOnly} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** « Modifier », named after its action for screen readers; it keeps its id so that the focus comes back to it. */
function EditButton({
  action,
  onEdit,
  readOnly,
}: {
  action: ActionRecord;
  onEdit: (action: ActionRecord) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      id={editControlId(action.id)}
      className="button button--small"
      disabled={readOnly}
      onClick={() => onEdit(action)}
    >
      {t('actions.edit')}
      <span className="visually-hidden">
        {' — '}
        {action.title}
      </span>
    </button>
  );
}

function Cost({ action, language }: { action: ActionRecord; language: Language }) {
  return action.estimatedCost === undefined ? '—' : formatEuros(action.estimatedCost, language);
}
