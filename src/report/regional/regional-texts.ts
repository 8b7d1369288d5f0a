import type { Language } from '../../domain/localized-text';

/**
 * The words of the regional and benchmark PDFs (issue 8), French first, English second. Plain typed objects for the
 * same reason as src/report/report-texts.ts (the command line prints them without i18next); French typography: ’ « »,
 * a no-break space before the colon, a narrow no-break space before ; ! ? (numbers and % come from Intl).
 */
export interface RegionalTexts {
  regionalTitle: string;
  benchmarkTitle: string;
  none: string;
  cover: {
    region: string;
    campaign: string;
    questionnaire: string;
    date: string;
    establishments: string;
    files: string;
    duplicates: string;
    selections: string;
  };
  selectionHeading: (questionnaire: string, year: number) => string;
  expected: {
    title: string;
    summary: (total: string, submitted: string, missing: string, unexpected: string) => string;
    noneMissing: string;
    finess: string;
    name: string;
    department: string;
  };
  distributions: {
    title: string;
    intro: string;
    group: (label: string, count: string) => string;
    region: string;
    domain: string;
    overall: string;
    count: string;
    min: string;
    q1: string;
    median: string;
    q3: string;
    max: string;
  };
  heatMap: {
    title: string;
    intro: string;
    finess: string;
    name: string;
    overall: string;
    legend: string;
    code: string;
    domain: string;
  };
  budget: {
    title: string;
    intro: string;
    withBudget: string;
    withFigures: string;
    itShare: string;
    cyberShare: string;
    none: string;
  };
  mfa: {
    title: string;
    intro: string;
    establishments: string;
    applications: string;
    users: string;
    ofTotal: (part: string, total: string, share: string) => string;
    none: string;
  };
  gaps: {
    title: string;
    intro: (reporting: string) => string;
    question: string;
    item: string;
    count: string;
    share: string;
    none: string;
  };
  benchmark: {
    establishment: string;
    category: string;
    group: (count: string) => string;
    region: (count: string) => string;
    scoresTitle: string;
    domain: string;
    own: string;
    categoryMedian: string;
    categoryQuartiles: string;
    regionMedian: string;
    tooSmall: string;
    guideTitle: string;
    guide: string[];
    notFound: (finess: string) => string;
  };
}

const fr: RegionalTexts = {
  regionalTitle: 'Synthèse régionale de l’autodiagnostic',
  benchmarkTitle: 'Rapport de comparaison régionale',
  none: '—',
  cover: {
    region: 'Région',
    campaign: 'Campagne',
    questionnaire: 'Questionnaire',
    date: 'Édité le',
    establishments: 'Établissements retenus',
    files: 'Fichiers lus',
    duplicates: 'Fichiers remplacés par un export plus récent',
    selections: 'Questionnaires et campagnes',
  },
  selectionHeading: (questionnaire, year) => `${questionnaire} — campagne ${year}`,
  expected: {
    title: 'Établissements attendus',
    summary: (total, submitted, missing, unexpected) =>
      `${submitted} établissement(s) sur ${total} attendu(s) ont transmis au moins un fichier pour cette campagne\u00a0; ` +
      `${missing} manquant(s), ${unexpected} fichier(s) hors liste.`,
    noneMissing: 'Aucun établissement attendu ne manque.',
    finess: 'FINESS',
    name: 'Nom',
    department: 'Département',
  },
  distributions: {
    title: 'Médianes et quartiles par domaine',
    intro:
      'Scores sur 100. Quartiles calculés comme QUARTILE.INC d’un tableur (Hyndman et Fan, définition 7)\u00a0; ' +
      '«\u00a0n\u00a0» est le nombre d’établissements ayant un score.',
    group: (label, count) => `${label} (${count} établissement(s))`,
    region: 'Toute la région',
    domain: 'Domaine',
    overall: 'Score global',
    count: 'n',
    min: 'Min.',
    q1: 'Q1',
    median: 'Médiane',
    q3: 'Q3',
    max: 'Max.',
  },
  heatMap: {
    title: 'Carte de chaleur des scores',
    intro:
      'Score sur 100 de chaque établissement, au global et par domaine («\u00a0—\u00a0»\u00a0: sans objet ou non évalué).',
    finess: 'FINESS',
    name: 'Établissement',
    overall: 'Global',
    legend: 'Domaines',
    code: 'Code',
    domain: 'Domaine',
  },
  budget: {
    title: 'Budget du numérique et de la cybersécurité',
    intro:
      'Ratios de la région calculés comme des ratios de sommes (somme des montants des établissements ayant donné ' +
      'leurs chiffres), jamais comme des moyennes de ratios.',
    withBudget: 'Établissements ayant renseigné un budget',
    withFigures: 'Établissements ayant donné les montants',
    itShare: 'Part du numérique dans les charges d’exploitation',
    cyberShare: 'Part de la cybersécurité dans les charges du numérique',
    none: 'Aucun établissement n’a renseigné de budget.',
  },
  mfa: {
    title: 'Double authentification (HospiConnect)',
    intro: 'Totaux de la région\u00a0: parts calculées comme des ratios de sommes.',
    establishments: 'Établissements ayant donné leur inventaire',
    applications: 'Applications sensibles conformes',
    users: 'Utilisateurs avec deux facteurs',
    ofTotal: (part, total, share) => `${part} sur ${total} (${share})`,
    none: 'Aucun établissement n’a transmis d’inventaire des applications.',
  },
  gaps: {
    title: 'Exigences critiques le plus souvent non satisfaites',
    intro: (reporting) => `Parmi les ${reporting} établissement(s) dont le fichier indique les écarts critiques.`,
    question: 'Exigence',
    item: 'Référence',
    count: 'Établissements',
    share: 'Part',
    none: 'Aucun écart critique signalé.',
  },
  benchmark: {
    establishment: 'Établissement',
    category: 'Catégorie',
    group: (count) => `Établissements de la catégorie dans la région\u00a0: ${count}`,
    region: (count) => `Établissements de la région\u00a0: ${count}`,
    scoresTitle: 'Vos scores face à votre catégorie',
    domain: 'Domaine',
    own: 'Votre score',
    categoryMedian: 'Médiane de la catégorie',
    categoryQuartiles: 'Quartiles Q1 – Q3',
    regionMedian: 'Médiane régionale',
    tooSmall: 'groupe trop petit',
    guideTitle: 'Comment lire ce rapport',
    guide: [
      'Les scores vont de 0 à 100. La médiane partage les établissements de votre catégorie en deux moitiés\u00a0; ' +
        'la moitié d’entre eux a un score compris entre le premier quartile (Q1) et le troisième (Q3).',
      'Un score sous Q1 place l’établissement parmi le quart le moins avancé de sa catégorie sur ce domaine\u00a0: ' +
        'c’est là que l’effort se compare le plus favorablement. Au-dessus de Q3, il est parmi le quart le plus avancé.',
      'Les autres établissements ne sont jamais nommés\u00a0: seules des médianes et des quartiles sont montrés, et ' +
        'seulement pour des groupes d’au moins trois établissements.',
    ],
    notFound: (finess) => `aucun établissement de FINESS ${finess} dans la consolidation`,
  },
};

const en: RegionalTexts = {
  regionalTitle: 'Regional summary of the self-assessment',
  benchmarkTitle: 'Regional benchmark report',
  none: '—',
  cover: {
    region: 'Region',
    campaign: 'Campaign',
    questionnaire: 'Questionnaire',
    date: 'Printed on',
    establishments: 'Establishments kept',
    files: 'Files read',
    duplicates: 'Files superseded by a more recent export',
    selections: 'Questionnaires and campaigns',
  },
  selectionHeading: (questionnaire, year) => `${questionnaire} — ${year} campaign`,
  expected: {
    title: 'Expected establishments',
    summary: (total, submitted, missing, unexpected) =>
      `${submitted} of ${total} expected establishment(s) sent at least one file for this campaign; ` +
      `${missing} missing, ${unexpected} file(s) not on the list.`,
    noneMissing: 'No expected establishment is missing.',
    finess: 'FINESS',
    name: 'Name',
    department: 'Department',
  },
  distributions: {
    title: 'Medians and quartiles per domain',
    intro:
      'Scores out of 100. Quartiles computed as a spreadsheet’s QUARTILE.INC (Hyndman and Fan, definition 7); ' +
      '"n" is the number of establishments with a score.',
    group: (label, count) => `${label} (${count} establishment(s))`,
    region: 'Whole region',
    domain: 'Domain',
    overall: 'Overall score',
    count: 'n',
    min: 'Min.',
    q1: 'Q1',
    median: 'Median',
    q3: 'Q3',
    max: 'Max.',
  },
  heatMap: {
    title: 'Heat map of the scores',
    intro: 'Score out of 100 of each establishment, overall and per domain ("—": not applicable or not assessed).',
    finess: 'FINESS',
    name: 'Establishment',
    overall: 'Overall',
    legend: 'Domains',
    code: 'Code',
    domain: 'Domain',
  },
  budget: {
    title: 'Digital and cybersecurity budget',
    intro:
      'Regional ratios computed as ratios of sums (the sums of the amounts of the establishments that gave their ' +
      'figures), never as means of ratios.',
    withBudget: 'Establishments that gave a budget',
    withFigures: 'Establishments that gave the amounts',
    itShare: 'Digital share of operating charges',
    cyberShare: 'Cybersecurity share of digital charges',
    none: 'No establishment gave a budget.',
  },
  mfa: {
    title: 'Two-factor authentication (HospiConnect)',
    intro: 'Regional totals: shares computed as ratios of sums.',
    establishments: 'Establishments that gave their inventory',
    applications: 'Compliant sensitive applications',
    users: 'Users with two factors',
    ofTotal: (part, total, share) => `${part} of ${total} (${share})`,
    none: 'No establishment sent an inventory of applications.',
  },
  gaps: {
    title: 'Critical requirements most often unmet',
    intro: (reporting) => `Among the ${reporting} establishment(s) whose file lists its critical gaps.`,
    question: 'Requirement',
    item: 'Reference',
    count: 'Establishments',
    share: 'Share',
    none: 'No critical gap reported.',
  },
  benchmark: {
    establishment: 'Establishment',
    category: 'Category',
    group: (count) => `Establishments of the category in the region: ${count}`,
    region: (count) => `Establishments in the region: ${count}`,
    scoresTitle: 'Your scores against your category',
    domain: 'Domain',
    own: 'Your score',
    categoryMedian: 'Category median',
    categoryQuartiles: 'Quartiles Q1 – Q3',
    regionMedian: 'Regional median',
    tooSmall: 'group too small',
    guideTitle: 'How to read this report',
    guide: [
      'Scores run from 0 to 100. The median splits the establishments of your category into two halves; half of ' +
        'them score between the first quartile (Q1) and the third (Q3).',
      'A score below Q1 puts the establishment among the least advanced quarter of its category in that domain; ' +
        'above Q3, among the most advanced quarter.',
      'Other establishments are never named: only medians and quartiles are shown, and only for groups of at least ' +
        'three establishments.',
    ],
    notFound: (finess) => `no establishment with FINESS ${finess} in the consolidation`,
  },
};

export const regionalTexts: Record<Language, RegionalTexts> = { fr, en };
