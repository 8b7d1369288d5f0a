import type { CodedCsvColumn, CsvLabels } from '../domain/consolidation/consolidated-csv';
import { establishmentCategories, sectors } from '../domain/establishment/establishment';
import type { ContentLookup } from '../domain/questionnaire/content-lookup';
import type { TextKey, Translate } from './translator';

/** How the consolidated CSV names its columns: in words for a reader (the default), or by their stable codes. */
export const csvColumnChoices = ['labels', 'codes'] as const;
export type CsvColumnChoice = (typeof csvColumnChoices)[number];

export function isCsvColumnChoice(value: unknown): value is CsvColumnChoice {
  return typeof value === 'string' && (csvColumnChoices as readonly string[]).includes(value);
}

const columnKeys = {
  statut: 'auditor.csv.columns.statut',
  finess_ej: 'auditor.csv.columns.finess_ej',
  finess_eg: 'auditor.csv.columns.finess_eg',
  nom: 'auditor.csv.columns.nom',
  categorie: 'auditor.csv.columns.categorie',
  secteur: 'auditor.csv.columns.secteur',
  departement: 'auditor.csv.columns.departement',
  ght: 'auditor.csv.columns.ght',
  support_ght: 'auditor.csv.columns.support_ght',
  lits_places: 'auditor.csv.columns.lits_places',
  effectifs: 'auditor.csv.columns.effectifs',
  questionnaire: 'auditor.csv.columns.questionnaire',
  version: 'auditor.csv.columns.version',
  campagne: 'auditor.csv.columns.campagne',
  exporte_le: 'auditor.csv.columns.exporte_le',
  niveau_partage: 'auditor.csv.columns.niveau_partage',
  calcule_le: 'auditor.csv.columns.calcule_le',
  score_global: 'auditor.csv.columns.score_global',
  completude: 'auditor.csv.columns.completude',
  items_applicables: 'auditor.csv.columns.items_applicables',
  items_repondus: 'auditor.csv.columns.items_repondus',
  ne_sait_pas: 'auditor.csv.columns.ne_sait_pas',
  non_applicables: 'auditor.csv.columns.non_applicables',
  ecarts_critiques_nombre: 'auditor.csv.columns.ecarts_critiques_nombre',
  ecarts_critiques: 'auditor.csv.columns.ecarts_critiques',
  budget_annee: 'auditor.csv.columns.budget_annee',
  part_si_exploitation_pct: 'auditor.csv.columns.part_si_exploitation_pct',
  part_cyber_si_pct: 'auditor.csv.columns.part_cyber_si_pct',
  mfa_applications_sensibles: 'auditor.csv.columns.mfa_applications_sensibles',
  mfa_applications_conformes: 'auditor.csv.columns.mfa_applications_conformes',
  mfa_comptes: 'auditor.csv.columns.mfa_comptes',
  mfa_comptes_double_facteur: 'auditor.csv.columns.mfa_comptes_double_facteur',
  chiffres: 'auditor.csv.columns.chiffres',
  refus: 'auditor.csv.columns.refus',
  examen: 'auditor-review.csv.columns.examen',
  examen_envoi_precedent: 'auditor-review.csv.columns.examen_envoi_precedent',
} as const satisfies Record<string, TextKey>;

const statusKeys = {
  soumis: 'auditor.csv.statuses.soumis',
  manquant: 'auditor.csv.statuses.manquant',
  refuse: 'auditor.csv.statuses.refuse',
  hors_liste: 'auditor.csv.statuses.hors_liste',
} as const satisfies Record<string, TextKey>;

const levelKeys = {
  full: 'auditor.csv.levels.full',
  auditor: 'auditor.csv.levels.auditor',
  statistics: 'auditor.csv.levels.statistics',
} as const satisfies Record<string, TextKey>;

const figureKeys = {
  recalcules: 'auditor.csv.figures.recalcules',
  declares: 'auditor.csv.figures.declares',
} as const satisfies Record<string, TextKey>;

const reviewKeys = {
  non_examine: 'auditor-review.dashboard.states.not-reviewed',
  en_cours: 'auditor-review.dashboard.states.in-review',
  accepte: 'auditor-review.dashboard.states.accepted',
  a_completer: 'auditor-review.dashboard.states.to-complete',
} as const satisfies Record<string, TextKey>;

const yesNoKeys = { oui: 'auditor.csv.yes', non: 'auditor.csv.no' } as const satisfies Record<string, TextKey>;

const has = <K extends string>(keys: Record<K, unknown>, key: string): key is K => Object.hasOwn(keys, key);

/**
 * The consolidated CSV's words for a reader (issue 16): column names and coded values (status, category, sector,
 * yes/no, questionnaire, sharing level, declared figures) in the reader's language, French by default, for a
 * spreadsheet opened in Excel. The stable codes stay available (`--columns codes` on the command line, a choice beside
 * the download button in the app) for scripts built on them. A column or a value this module does not know keeps its
 * code: a new column is never dropped.
 *
 * A domain's score column is named after the domain; when two questionnaires of the file title one domain id
 * differently, both titles appear.
 */
export function consolidatedCsvLabels(
  t: Translate,
  content: ContentLookup,
  questionnaireIds: readonly string[],
): CsvLabels {
  const categories = new Set<string>(establishmentCategories);
  const sectorSet = new Set<string>(sectors);
  const domainTitle = (domainId: string) => {
    const titles = questionnaireIds
      .filter((q) => content.domainOrder(q).includes(domainId))
      .map((q) => content.domainTitle(q, domainId));
    return titles.length > 0 ? [...new Set(titles)].join(' / ') : domainId;
  };
  return {
    column(code) {
      if (has(columnKeys, code)) return t(columnKeys[code]);
      if (code.startsWith('score_')) return t('auditor.csv.domainScore', { domain: domainTitle(code.slice(6)) });
      return undefined;
    },
    value(column: CodedCsvColumn, value) {
      switch (column) {
        case 'statut':
          return has(statusKeys, value) ? t(statusKeys[value]) : undefined;
        case 'categorie':
          return categories.has(value) ? t(`establishments.categories.${value}` as TextKey) : undefined;
        case 'secteur':
          return sectorSet.has(value) ? t(`establishments.sectors.${value}` as TextKey) : undefined;
        case 'support_ght':
        case 'examen_envoi_precedent':
          return has(yesNoKeys, value) ? t(yesNoKeys[value]) : undefined;
        case 'questionnaire':
          return content.questionnaireTitle(value);
        case 'niveau_partage':
          return has(levelKeys, value) ? t(levelKeys[value]) : undefined;
        case 'chiffres':
          return has(figureKeys, value) ? t(figureKeys[value]) : undefined;
        case 'examen':
          return has(reviewKeys, value) ? t(reviewKeys[value]) : undefined;
      }
    },
  };
}
