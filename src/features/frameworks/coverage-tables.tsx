import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollRegion } from '../../components/scroll-region';
import type {
  CoverageTotals,
  FrameworkCoverage,
  LinkCoverage,
  MeasureCoverage,
} from '../../domain/frameworks/framework-coverage';
import type { FrameworkMapping } from '../../domain/frameworks/framework-types';
import type { QuestionnaireItem } from '../../domain/questionnaire/questionnaire-schema';
import { currentLanguage } from '../../i18n/i18n';
import { formatNumber, formatPercent } from '../../texts/format';
import { chartStates } from './coverage-chart';
import type { FrameworksModel } from './use-frameworks';

/** ReCyF's tags in one order, EE before EI, whatever the file's. */
export function entityTags(entities: readonly string[] | undefined): string {
  return [...(entities ?? [])].sort().join(', ');
}

/** The id of a measure's row and of an item's row: the targets of the links between them. */
export const measureAnchor = (id: string) => `fw-measure-${id}`;
export const itemAnchor = (id: string) => `fw-item-${id}`;

/** Where an item is answered: its domain's page on the answering screen of the campaign's assessment that holds it. */
function itemAddress(model: FrameworksModel, link: LinkCoverage): string | undefined {
  if (!link.questionnaire || !link.item) return undefined;
  const holder = model.campaign.find((a) => a.questionnaireId === link.questionnaire?.id);
  if (!holder) return undefined;
  return `/assessments/${holder.id}/${link.item.domain}?item=${encodeURIComponent(link.item.id)}`;
}

function TotalCells({ totals }: { totals: CoverageTotals }) {
  const language = currentLanguage();
  return (
    <>
      {chartStates.map((s) => (
        <td key={s} className="num">
          {formatNumber(totals.counts[s], language)}
        </td>
      ))}
      <td className="num">{formatNumber(totals.total, language)}</td>
    </>
  );
}

/** Per objective (or section, or theme): how many measures are in each state. */
export function GroupTable({
  mapping,
  coverage,
  asReference,
}: {
  mapping: FrameworkMapping;
  coverage: FrameworkCoverage;
  asReference: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const captionId = useId();
  const rows = coverage.groups
    .map((g) => ({ group: g.group, totals: asReference ? g.wholeTotals : g.totals }))
    .filter((r) => r.totals.total + r.totals.counts['not-applicable'] > 0);
  const overall = asReference ? coverage.whole : coverage.overall;
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className="data-table coverage-groups">
        <caption id={captionId}>{t('frameworks.groups.caption', { name: mapping.shortTitle[language] })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('frameworks.groups.group')}</th>
            {chartStates.map((s) => (
              <th key={s} scope="col" className="num">
                {t(`frameworks.states.${s}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('frameworks.groups.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ group, totals }) => (
            <tr key={group.id} className={group.parent ? 'coverage-groups__child' : undefined}>
              <th scope="row">
                {group.id} — {group.title[language]}
              </th>
              <TotalCells totals={totals} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('frameworks.groups.overall')}</th>
            <TotalCells totals={overall} />
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}

/** One line per link: the item (to the answering screen), how strongly it answers the measure, what it reads. */
function LinkLine({ model, link }: { model: FrameworksModel; link: LinkCoverage }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const to = itemAddress(model, link);
  const id = link.link.item;
  const outcome =
    link.outcome === 'scored' && link.value !== undefined
      ? t('frameworks.outcomes.scored', { value: formatPercent(link.value, language, 0) })
      : t(`frameworks.outcomes.${link.outcome}`);
  return (
    <li>
      {to ? (
        <Link to={to} aria-label={t('frameworks.measures.openItem', { id })}>
          {id}
        </Link>
      ) : (
        <span>{id}</span>
      )}{' '}
      <span className="coverage-link__detail">
        {t(`frameworks.strengths.${link.link.strength}`)} · {outcome}
      </span>
    </li>
  );
}

/** Every measure shown, with its state and the items that answer it. */
export function MeasureTable({
  model,
  mapping,
  measures,
  tagged,
}: {
  model: FrameworksModel;
  mapping: FrameworkMapping;
  measures: readonly MeasureCoverage[];
  tagged: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const captionId = useId();
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className="data-table coverage-measures">
        <caption id={captionId}>{t('frameworks.measures.caption', { name: mapping.shortTitle[language] })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('frameworks.measures.measure')}</th>
            {tagged ? <th scope="col">{t('frameworks.measures.entities')}</th> : null}
            <th scope="col">{t('frameworks.measures.state')}</th>
            <th scope="col">{t('frameworks.measures.items')}</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr key={m.measure.id} id={measureAnchor(m.measure.id)} tabIndex={-1}>
              <th scope="row">
                <span className="coverage-measures__id">{m.measure.id}</span> {m.measure.title[language]}
              </th>
              {tagged ? <td className="coverage-measures__tags">{entityTags(m.measure.entities)}</td> : null}
              <td>
                <span className={`coverage-state coverage-state--${m.state}`}>{t(`frameworks.states.${m.state}`)}</span>
              </td>
              <td>
                {m.links.length > 0 ? (
                  <ul className="coverage-links">
                    {m.links.map((l, index) => (
                      <LinkLine
                        key={`${l.link.item}-${l.questionnaire?.version ?? ''}-${index}`}
                        model={model}
                        link={l}
                      />
                    ))}
                  </ul>
                ) : (
                  <span>{t('frameworks.measures.noItem')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** From an item back to the measures it answers (among those shown). */
export function ItemTable({
  model,
  coverage,
  shown,
}: {
  model: FrameworksModel;
  coverage: FrameworkCoverage;
  shown: readonly MeasureCoverage[];
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const captionId = useId();
  const shownIds = new Set(shown.map((m) => m.measure.id));
  const items = new Map<string, QuestionnaireItem>();
  for (const a of model.answered)
    for (const item of a.questionnaire.items) if (!items.has(item.id)) items.set(item.id, item);
  const rows = [...coverage.measuresByItem]
    .map(([itemId, list]) => ({ itemId, measures: list.filter((m) => shownIds.has(m.measure.id)) }))
    .filter((r) => r.measures.length > 0 && items.has(r.itemId))
    .sort((a, b) => a.itemId.localeCompare(b.itemId, 'en', { numeric: true }));
  if (rows.length === 0) return null;
  return (
    <details className="coverage-items">
      <summary>{t('frameworks.items.title', { count: rows.length })}</summary>
      <ScrollRegion labelledBy={captionId}>
        <table className="data-table">
          <caption id={captionId}>{t('frameworks.items.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('frameworks.items.item')}</th>
              <th scope="col">{t('frameworks.items.measures')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ itemId, measures }) => (
              <tr key={itemId} id={itemAnchor(itemId)} tabIndex={-1}>
                <th scope="row">
                  <span className="coverage-measures__id">{itemId}</span> {items.get(itemId)?.question[language]}
                </th>
                <td>
                  <ul className="coverage-links">
                    {measures.map(({ measure, link }) => (
                      <li key={measure.id}>
                        <a
                          href={`#${measureAnchor(measure.id)}`}
                          aria-label={t('frameworks.items.goMeasure', { id: measure.id, item: itemId })}
                        >
                          {measure.id}
                        </a>{' '}
                        <span className="coverage-link__detail">{t(`frameworks.strengths.${link.strength}`)}</span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
