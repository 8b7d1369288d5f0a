import type { ActionStatus } from '../domain/actions/action-plan';
import type { ApplicationRecord } from '../domain/applications/application-record';
import type { ApplicationStatus, Rule2026Gap } from '../domain/applications/mfa-compliance';
import type { RatioBand } from '../domain/budget/budget-ratios';
import type { EstablishmentCategory } from '../domain/establishment/establishment';
import type { Language } from '../domain/localized-text';
import type { Weight } from '../domain/questionnaire/questionnaire-schema';
import type { GapState, Urgency } from '../domain/results/list-gaps';
import type { DeadlineId, DeadlineStatus } from '../domain/results/programme-deadlines';
import type { SharingLevel } from '../domain/sharing-level';

/**
 * The words of the printed report and of the CSV exports, French first (design principle 3), English second.
 *
 * Plain typed objects rather than the app's i18next resources: the same report is printed by the command line in
 * Node, where i18next is not loaded, and src/report may import only src/domain (docs/architecture.md). French
 * typography follows the Imprimerie nationale rules checked by src/domain/questionnaire/french-typography.ts:
 * ’ « » and a non-breaking space before : ; ! ? % € (NBSP before the colon, narrow NBSP elsewhere).
 */

export type { SharingLevel };

/** What a sharing level below "full" leaves out of an export file, hence out of a report printed from it. */
export type OmittedContent =
  | 'comments'
  | 'justifications'
  | 'evidence'
  | 'application-names'
  | 'action-details'
  | 'answers'
  | 'applications'
  | 'actions'
  | 'budget-inputs';

export type MissingCode =
  | 'unanswered'
  | 'missing-justification'
  | 'to-review'
  | 'no-budget'
  | 'no-applications'
  | 'no-actions'
  | 'evidence-unknown-item';

export interface ReportTexts {
  title: string;
  draft: string;
  draftNotice: string;
  page: (n: number, total: number) => string;
  fingerprint: string;
  fingerprintSource: { 'export-file': string; content: string };
  cover: {
    establishment: string;
    finessEj: string;
    finessEg: string;
    category: string;
    ght: string;
    ghtSupport: string;
    size: string;
    beds: (n: string) => string;
    staff: (n: string) => string;
    questionnaire: string;
    campaign: string;
    date: string;
    author: string;
    noAuthor: string;
    sharingLevel: string;
    keyFingerprint: string;
    contents: string;
    counts: string;
  };
  sharingLevels: Record<SharingLevel, string>;
  sections: {
    completeness: string;
    summary: string;
    domains: string;
    gaps: string;
    actions: string;
    budget: string;
    applications: string;
    providerQuestions: string;
    annex: string;
    method: string;
    sources: string;
  };
  completeness: {
    complete: string;
    incomplete: string;
    counts: (c: {
      answers: number;
      applicable: number;
      comments: number;
      justifications: number;
      evidence: number;
      actions: number;
      applications: number;
    }) => string;
    missing: Record<MissingCode, (n: number) => string>;
    omitted: string;
    omittedContent: Record<OmittedContent, string>;
    nothingMissing: string;
  };
  summary: {
    overall: string;
    completeness: string;
    answered: (answered: number, applicable: number) => string;
    gapsCount: (total: number, critical: number) => string;
    unknownCount: (n: number) => string;
    radarTitle: string;
    radarAlt: string;
    ratios: string;
    itShare: (target: string) => string;
    cyberShare: (target: string) => string;
    twoFactorShare: string;
    firstActions: string;
    suggestedFromGap: string;
    nextDeadlines: string;
    none: string;
    notEntered: string;
  };
  domains: {
    domain: string;
    score: string;
    answered: string;
    met: string;
    unknown: string;
    notApplicable: string;
    noScore: string;
  };
  gaps: {
    intro: string;
    rank: string;
    item: string;
    weight: string;
    answer: string;
    basis: string;
    due: string;
    evidence: string;
    comment: string;
    official: (reference: string) => string;
    inferred: string;
    none: string;
    overdueBy: (days: number) => string;
    inDays: (days: number) => string;
  };
  actions: {
    title: string;
    item: string;
    status: string;
    owner: string;
    due: string;
    cost: string;
    description: string;
    overdue: string;
    none: string;
    openCost: (amount: string, withoutEstimate: number) => string;
    againstGap: (share: string, gap: string) => string;
  };
  budget: {
    year: string;
    itShare: string;
    cyberShare: string;
    itShareTotal: string;
    cyberShareNet: string;
    gapIt: string;
    gapCyber: string;
    targets: (it: string, cyber: string) => string;
    none: string;
    trend: string;
    trendAlt: string;
  };
  applications: {
    intro: string;
    name: string;
    kind: string;
    means: string;
    users: string;
    twoFactor: string;
    homologation: string;
    status: string;
    findings: string;
    unnamed: (kind: string, n: number) => string;
    compliantApps: string;
    usersShare: string;
    patientRecordShare: string;
    target2027: string;
    target2028: string;
    met: string;
    notMet: string;
    unknown: string;
    none: string;
    countOf: (done: number, total: number, share: string) => string;
  };
  providerQuestions: { intro: string; none: string; question: string; comment: string };
  annex: {
    intro: string;
    item: string;
    answer: string;
    details: string;
    comment: string;
    justification: string;
    evidence: string;
    toReview: string;
    unanswered: string;
    noEvidence: string;
    outOfScope: string;
    unknownItems: string;
    evidenceLine: (name: string, date: string, sha256: string) => string;
    undated: string;
  };
  answers: {
    yes: string;
    partial: string;
    no: string;
    notApplicable: string;
    unknown: string;
    unanswered: string;
    days: (n: string) => string;
    count: (n: string) => string;
  };
  weights: Record<Weight, string>;
  gapStates: Record<GapState, string>;
  urgencies: Record<Urgency, string>;
  deadlineStatuses: Record<DeadlineStatus, string>;
  deadlines: Record<DeadlineId, string>;
  actionStatuses: Record<ActionStatus, string>;
  bands: Record<RatioBand, string>;
  categories: Record<EstablishmentCategory, string>;
  applicationKinds: Record<ApplicationRecord['kind'], string>;
  means: Record<ApplicationRecord['authentication'][number], string>;
  homologation: Record<ApplicationRecord['homologation'], string>;
  applicationStatuses: Record<ApplicationStatus, string>;
  rule2026Gaps: Record<Rule2026Gap, string>;
  method: { title: string; paragraphs: string[] };
  sources: { questionnaire: string; deadlines: string };
  csv: {
    answers: Record<
      | 'itemId'
      | 'domain'
      | 'question'
      | 'weight'
      | 'basis'
      | 'answer'
      | 'score'
      | 'comment'
      | 'justification'
      | 'toReview'
      | 'evidence',
      string
    >;
    gaps: Record<
      | 'rank'
      | 'itemId'
      | 'domain'
      | 'question'
      | 'weight'
      | 'state'
      | 'basis'
      | 'due'
      | 'urgency'
      | 'evidence'
      | 'comment',
      string
    >;
    actions: Record<'title' | 'itemId' | 'status' | 'owner' | 'dueDate' | 'cost' | 'overdue' | 'description', string>;
    budget: Record<'year' | 'field' | 'value', string>;
    applications: Record<
      | 'name'
      | 'kind'
      | 'sensitive'
      | 'means'
      | 'users'
      | 'twoFactor'
      | 'homologation'
      | 'targetDate'
      | 'status'
      | 'findings',
      string
    >;
    yes: string;
    no: string;
    budgetFields: Record<string, string>;
  };
}

const NB = '\u00a0';
const NN = '\u202f';

const fr: ReportTexts = {
  title: 'Rapport d’analyse des écarts de cybersécurité',
  draft: 'BROUILLON',
  draftNotice: `Évaluation incomplète${NB}: ce rapport est un brouillon. La liste de ce qui manque figure en page 2.`,
  page: (n, total) => `page ${n} / ${total}`,
  fingerprint: 'Empreinte',
  fingerprintSource: {
    'export-file': `empreinte SHA-256 du fichier d’export`,
    content: 'empreinte SHA-256 des données du rapport',
  },
  cover: {
    establishment: 'Établissement',
    finessEj: 'FINESS juridique (EJ)',
    finessEg: 'FINESS géographique (EG)',
    category: 'Catégorie',
    ght: 'GHT',
    ghtSupport: 'établissement support',
    size: 'Taille',
    beds: (n) => `${n} lits et places`,
    staff: (n) => `${n} personnes`,
    questionnaire: 'Questionnaire',
    campaign: 'Campagne',
    date: 'Date du rapport',
    author: 'Auteur',
    noAuthor: 'non indiqué',
    sharingLevel: 'Niveau de partage',
    keyFingerprint: 'Empreinte de la clé de signature',
    contents: 'Sommaire',
    counts: 'Contenu du rapport',
  },
  sharingLevels: {
    full: 'complet (réponses, commentaires, justifications et pièces)',
    auditor: `auditeur (sans texte libre ni pièce justificative)`,
    statistics: 'statistiques (scores et ratios seulement)',
  },
  sections: {
    completeness: 'Complétude du rapport',
    summary: 'Synthèse',
    domains: 'Résultats par domaine',
    gaps: 'Écarts classés',
    actions: 'Plan d’action',
    budget: 'Budget numérique et cybersécurité',
    applications: 'Applications sensibles et double authentification',
    providerQuestions: 'Questions pour votre prestataire informatique ou votre GHT',
    annex: 'Annexe — toutes les réponses',
    method: 'Méthode de calcul',
    sources: 'Sources',
  },
  completeness: {
    complete: `Évaluation complète${NB}: toutes les questions applicables ont une réponse.`,
    incomplete: `Évaluation incomplète${NB}: ce rapport est marqué «${NN}BROUILLON${NN}» sur chaque page.`,
    counts: (c) =>
      `Ce rapport contient ${c.answers} réponse(s) sur ${c.applicable} question(s) applicable(s), ${c.comments} commentaire(s), ${c.justifications} justification(s) de non-applicabilité, ${c.evidence} pièce(s) justificative(s), ${c.actions} action(s) et ${c.applications} application(s).`,
    missing: {
      unanswered: (n) => `${n} question(s) applicable(s) sans réponse`,
      'missing-justification': (n) => `${n} réponse(s) «${NN}non applicable${NN}» sans justification`,
      'to-review': (n) => `${n} réponse(s) reprise(s) de la campagne précédente et pas encore revue(s)`,
      'no-budget': () => 'aucune donnée budgétaire pour l’année de la campagne',
      'no-applications': () => 'aucune application sensible recensée',
      'no-actions': () => 'aucune action au plan d’action',
      'evidence-unknown-item': (n) =>
        `${n} pièce(s) rattachée(s) à une question absente du questionnaire (listées en annexe)`,
    },
    omitted: `Laissé de côté par le niveau de partage du fichier${NB}:`,
    omittedContent: {
      comments: 'les commentaires',
      justifications: 'les justifications de non-applicabilité',
      evidence: 'la liste des pièces justificatives',
      'application-names': 'les noms des applications',
      'action-details': 'le détail des actions (description, responsable, coût)',
      answers: 'les réponses',
      applications: 'l’inventaire des applications',
      actions: 'le plan d’action',
      'budget-inputs': 'les montants budgétaires saisis',
    },
    nothingMissing: 'Rien ne manque.',
  },
  summary: {
    overall: 'Score global',
    completeness: 'Complétude',
    answered: (a, t) => `${a} réponse(s) sur ${t} question(s) applicable(s)`,
    gapsCount: (t, c) => `${t} écart(s), dont ${c} critique(s)`,
    unknownCount: (n) => `${n} réponse(s) «${NN}je ne sais pas${NN}»`,
    radarTitle: 'Score par domaine',
    radarAlt: 'Les valeurs du graphique figurent dans le tableau des résultats par domaine.',
    ratios: 'Les trois ratios',
    itShare: (t) => `Part du budget d’exploitation consacrée au numérique (cible ${t})`,
    cyberShare: (t) => `Part du budget numérique consacrée à la cybersécurité (cible ${t})`,
    twoFactorShare: 'Comptes des applications sensibles protégés par deux facteurs',
    firstActions: 'Premières actions',
    suggestedFromGap: 'écart sans action planifiée',
    nextDeadlines: 'Prochaines échéances',
    none: 'aucune',
    notEntered: 'non renseigné',
  },
  domains: {
    domain: 'Domaine',
    score: 'Score',
    answered: 'Réponses',
    met: 'Atteintes',
    unknown: `«${NN}Je ne sais pas${NN}»`,
    notApplicable: 'Non applicables',
    noScore: 'sans score',
  },
  gaps: {
    intro: `Questions applicables qui ne sont pas pleinement atteintes, classées${NB}: critiques d’abord, puis en retard, puis objectifs officiels avant bonnes pratiques.`,
    rank: 'N°',
    item: 'Question',
    weight: 'Poids',
    answer: 'Réponse',
    basis: 'Fondement',
    due: 'Échéance',
    evidence: 'Preuve attendue',
    comment: 'Commentaire',
    official: (r) => `objectif officiel ${r}`,
    inferred: 'bonne pratique déduite du programme',
    none: 'Aucun écart parmi les questions répondues.',
    overdueBy: (d) => `en retard de ${d}${NB}j`,
    inDays: (d) => `dans ${d}${NB}j`,
  },
  actions: {
    title: 'Action',
    item: 'Question',
    status: 'Statut',
    owner: 'Responsable',
    due: 'Échéance',
    cost: 'Coût estimé',
    description: 'Description',
    overdue: 'en retard',
    none: 'Aucune action n’a encore été planifiée.',
    openCost: (a, n) =>
      n > 0
        ? `Coût estimé des actions ouvertes${NB}: ${a} (au moins${NB}: ${n} action(s) sans estimation).`
        : `Coût estimé des actions ouvertes${NB}: ${a}.`,
    againstGap: (s, g) => `Soit ${s} des ${g} qui manquent pour atteindre la cible de cybersécurité.`,
  },
  budget: {
    year: 'Année',
    itShare: 'Numérique / exploitation',
    cyberShare: 'Cyber / numérique',
    itShareTotal: 'Numérique, exploitation + investissement',
    cyberShareNet: 'Cyber net des financements',
    gapIt: 'Manque pour la cible numérique',
    gapCyber: 'Manque pour la cible cyber',
    targets: (it, cyber) =>
      `Cibles${NB}: ${it} du budget d’exploitation pour le numérique, ${cyber} du numérique pour la cybersécurité (paramètres modifiables).`,
    none: 'Aucune donnée budgétaire.',
    trend: 'Évolution',
    trendAlt: 'Les valeurs du graphique figurent dans le tableau ci-dessus.',
  },
  applications: {
    intro: `Règle du 1er janvier 2026 (référentiel d’identification électronique, RIE)${NB}: un identifiant et un mot de passe seuls ne sont plus conformes pour les applications sensibles.`,
    name: 'Application',
    kind: 'Type',
    means: 'Authentification',
    users: 'Utilisateurs',
    twoFactor: 'Avec deux facteurs',
    homologation: 'Homologation',
    status: 'Conformité',
    findings: 'Écarts',
    unnamed: (k, n) => `${k} n°${NB}${n}`,
    compliantApps: 'Applications sensibles conformes à la règle de 2026',
    usersShare: 'Comptes des applications sensibles avec deux facteurs',
    patientRecordShare: 'Utilisateurs du dossier patient avec deux facteurs',
    target2027: 'Objectif 2027 (médecins et infirmiers sur le dossier patient)',
    target2028: 'Objectif 2028 (tous les utilisateurs du dossier patient)',
    met: 'atteint',
    notMet: 'non atteint',
    unknown: 'inconnu',
    none: 'Aucune application recensée.',
    countOf: (d, t, s) => `${d} sur ${t} (${s})`,
  },
  providerQuestions: {
    intro: `Chaque réponse «${NN}je ne sais pas${NN}» est une question à poser à votre prestataire informatique ou à votre GHT.`,
    none: `Aucune réponse «${NN}je ne sais pas${NN}».`,
    question: 'Question',
    comment: 'Commentaire',
  },
  annex: {
    intro:
      'Chaque question applicable, dans l’ordre du questionnaire, avec sa réponse, son commentaire, la justification d’une non-applicabilité et la liste des pièces justificatives (nom, date du document, empreinte SHA-256).',
    item: 'Question',
    answer: 'Réponse',
    details: 'Commentaire, justification et pièces',
    comment: 'Commentaire',
    justification: 'Justification',
    evidence: 'Pièces',
    toReview: 'à revoir (reprise de la campagne précédente)',
    unanswered: 'sans réponse',
    noEvidence: 'aucune pièce',
    outOfScope: 'Réponses à des questions qui ne s’appliquent pas au profil de l’établissement',
    unknownItems: 'Pièces rattachées à des questions absentes de cette version du questionnaire',
    evidenceLine: (name, date, sha) => `${name} — ${date} — SHA-256${NB}: ${sha}`,
    undated: 'sans date',
  },
  answers: {
    yes: 'Oui',
    partial: 'Partiellement',
    no: 'Non',
    notApplicable: 'Non applicable',
    unknown: 'Je ne sais pas',
    unanswered: 'Sans réponse',
    days: (n) => `${n}${NB}jours`,
    count: (n) => n,
  },
  weights: { critical: 'critique', high: 'élevé', medium: 'moyen' },
  gapStates: { no: 'non', partial: 'partiel', unknown: 'je ne sais pas' },
  urgencies: { overdue: 'en retard', near: 'sous 90 jours', later: 'plus tard', none: 'sans date' },
  deadlineStatuses: {
    met: 'atteint',
    'not-met': 'non atteint',
    unknown: 'inconnu',
    'not-applicable': 'non applicable',
  },
  deadlines: {
    'rie-remote-2fa': 'Double authentification des accès à distance',
    'rie-commitment': 'Engagement de sécurisation de l’identification électronique',
    'rie-identity-repository': 'Répertoire d’identités local (exigence 27)',
    'rie-no-password-only': 'Fin de l’identifiant et du mot de passe seuls',
    'rie-homologation': 'Homologation des moyens d’identification électronique',
    'care-d1-declaration': `CaRE domaine 1${NB}: déclaration d’atteinte des objectifs`,
    'care-d2-application': `CaRE domaine 2${NB}: candidature et prérequis`,
    'care-d2-declaration': `CaRE domaine 2${NB}: déclaration d’atteinte des objectifs`,
    'care-d1bis-application': `CaRE domaine 1 bis${NB}: candidature`,
    'care-d2-pca-test': 'Test d’un plan de continuité d’activité',
    'hospiconnect-2026': `HospiConnect 2026${NB}: cadrage et indicateurs de maturité`,
    'hospiconnect-2027': `HospiConnect 2027${NB}: médecins et infirmiers en double authentification`,
    'hospiconnect-2028': `HospiConnect 2028${NB}: tous les utilisateurs du DPI`,
    'crisis-exercise': 'Exercice de crise cyber annuel',
  },
  actionStatuses: { todo: 'à faire', 'in-progress': 'en cours', done: 'fait', dropped: 'abandonné' },
  bands: {
    'at-risk': 'à risque',
    below: 'sous la cible',
    'on-target': 'dans la cible',
    above: 'au-dessus de la cible',
  },
  categories: {
    chu: 'Centre hospitalier universitaire (CHU)',
    ch: 'Centre hospitalier (CH)',
    chs: 'Centre hospitalier spécialisé (CHS)',
    clinic: 'Clinique privée',
    clcc: 'Centre de lutte contre le cancer (CLCC)',
    ssr: 'Soins médicaux et de réadaptation (SMR)',
    had: 'Hospitalisation à domicile (HAD)',
    'other-health': 'Autre établissement sanitaire',
    ehpad: 'EHPAD',
    ime: 'Institut médico-éducatif (IME)',
    ssiad: 'Service de soins infirmiers à domicile (SSIAD)',
    esat: 'ESAT',
    mas: 'Maison d’accueil spécialisée (MAS)',
    fam: 'Foyer d’accueil médicalisé (FAM)',
    'other-medico-social': 'Autre établissement médico-social',
  },
  applicationKinds: {
    'patient-record': 'Dossier patient ou usager informatisé (DPI, DUI)',
    imaging: 'Imagerie (RIS, PACS)',
    laboratory: 'Laboratoire (SIL)',
    pharmacy: 'Pharmacie et circuit du médicament',
    'e-prescription': 'Prescription électronique',
    'remote-access': 'Accès à distance (VPN, portail, télémaintenance)',
    mail: 'Messagerie (dont messagerie sécurisée de santé)',
    hr: 'Ressources humaines (paie, plannings)',
    other: 'Autre application',
  },
  means: {
    'password-only': 'Identifiant et mot de passe seuls',
    otp: 'Code à usage unique',
    'cps-card': 'Carte CPS',
    'e-cps': 'e-CPS',
    'pro-sante-connect': 'Pro Santé Connect',
    'fido2-key': 'Clé FIDO2',
    'establishment-card': 'Carte d’établissement',
    other: 'Autre moyen',
  },
  homologation: {
    'not-required': 'non requise',
    'to-do': 'à faire',
    'in-progress': 'en cours',
    'with-reservations': 'prononcée avec réserves',
    'without-reservations': 'prononcée sans réserve',
  },
  applicationStatuses: {
    'non-compliant': 'non conforme',
    'non-compliant-not-sensitive': 'non conforme (non sensible)',
    compliant: 'conforme à la règle de 2026',
    'out-of-scope': 'hors champ (pas de données de santé)',
  },
  rule2026Gaps: {
    'no-means': 'aucun moyen d’authentification indiqué',
    'password-only': 'un accès par identifiant et mot de passe seuls subsiste',
    'means-not-homologated': 'moyen local pas encore homologué',
    'users-without-two-factors': 'des utilisateurs sans second facteur',
  },
  method: {
    title: 'Méthode de calcul',
    paragraphs: [
      `Aucun programme ne publie de méthode de score pour CaRE ou HospiConnect${NB}: celle-ci est propre à l’application, simple à vérifier à la main, et la même qu’à l’écran.`,
      `Valeur d’une réponse${NB}: oui vaut 1, partiellement 0,5, non 0${NN}; une question à choix vaut le score de l’option retenue${NN}; un nombre ou un pourcentage vaut 1 s’il atteint l’objectif en vigueur à la date du rapport, sinon la part atteinte${NN}; une date vaut 1 si elle tombe dans le délai demandé. «${NN}Je ne sais pas${NN}» vaut 0 et devient une question pour le prestataire${NN}; «${NN}non applicable${NN}» est retiré du calcul.`,
      `Poids${NB}: une question critique pèse 3, une question élevée 2, une question moyenne 1.`,
      `Score${NB}: moyenne des valeurs des questions répondues, pondérée par leur poids, en pourcentage, par domaine et sur l’ensemble (ce n’est pas la moyenne des scores des domaines).`,
      `Complétude${NB}: part des questions applicables qui ont une réponse. Tant qu’elle n’atteint pas 100${NN}%, le score ne décrit que ce qui a été répondu et le rapport est un brouillon.`,
      `Écarts${NB}: questions applicables qui valent moins de 1, «${NN}je ne sais pas${NN}» compris${NN}; classés par poids, puis par urgence (en retard, sous 90 jours, plus tard, sans date), puis objectifs officiels avant bonnes pratiques, puis par identifiant.`,
      `Budget${NB}: les ratios sont recalculés à partir des montants saisis${NN}; les cibles de 2${NN}% et 10${NN}% sont des paramètres, leur formulation n’ayant pas été trouvée dans un texte officiel.`,
      `Empreinte${NB}: l’empreinte SHA-256 imprimée en pied de page identifie les données dont le rapport est issu${NN}; deux rapports de même empreinte viennent des mêmes données.`,
    ],
  },
  sources: {
    questionnaire: 'Sources du questionnaire',
    deadlines: 'Sources des échéances',
  },
  csv: {
    answers: {
      itemId: 'Identifiant',
      domain: 'Domaine',
      question: 'Question',
      weight: 'Poids',
      basis: 'Fondement',
      answer: 'Réponse',
      score: 'Valeur (0 à 1)',
      comment: 'Commentaire',
      justification: 'Justification',
      toReview: 'À revoir',
      evidence: 'Pièces justificatives',
    },
    gaps: {
      rank: 'Rang',
      itemId: 'Identifiant',
      domain: 'Domaine',
      question: 'Question',
      weight: 'Poids',
      state: 'Réponse',
      basis: 'Fondement',
      due: 'Échéance',
      urgency: 'Urgence',
      evidence: 'Preuve attendue',
      comment: 'Commentaire',
    },
    actions: {
      title: 'Action',
      itemId: 'Question',
      status: 'Statut',
      owner: 'Responsable',
      dueDate: 'Échéance',
      cost: 'Coût estimé (€)',
      overdue: 'En retard',
      description: 'Description',
    },
    budget: { year: 'Année', field: 'Donnée', value: 'Valeur' },
    applications: {
      name: 'Application',
      kind: 'Type',
      sensitive: 'Sensible',
      means: 'Authentification',
      users: 'Utilisateurs',
      twoFactor: 'Avec deux facteurs',
      homologation: 'Homologation',
      targetDate: 'Date cible',
      status: 'Conformité',
      findings: 'Écarts',
    },
    yes: 'oui',
    no: 'non',
    budgetFields: {
      totalOperatingCharges: 'Charges d’exploitation totales (€)',
      itOperatingCharges: 'Charges d’exploitation numériques (€)',
      itStaffCharges: 'Charges de personnel numérique (€)',
      totalCapex: 'Investissements totaux (€)',
      itCapex: 'Investissements numériques (€)',
      cyberOperating: 'Dépenses d’exploitation cybersécurité (€)',
      cyberCapex: 'Investissements cybersécurité (€)',
      externalCyberFunding: 'Financements externes cybersécurité (€)',
      itFte: 'ETP numériques',
      securityFte: 'ETP sécurité',
      workstations: 'Postes de travail',
      bedsAndPlaces: 'Lits et places',
      itShareOfOperating: 'Part numérique du budget d’exploitation',
      cyberShareOfIt: 'Part cybersécurité du budget numérique',
      itShareTotal: 'Part numérique, exploitation et investissement',
      cyberShareTotal: 'Part cybersécurité, exploitation et investissement',
      cyberShareNet: 'Part cybersécurité nette des financements',
      securityStaffShare: 'Part des ETP numériques consacrés à la sécurité',
      gapToItTargetEur: 'Manque pour la cible numérique (€)',
      gapToCyberTargetEur: 'Manque pour la cible cybersécurité (€)',
    },
  },
};

const en: ReportTexts = {
  title: 'Cybersecurity gap-analysis report',
  draft: 'DRAFT',
  draftNotice: 'Incomplete assessment: this report is a draft. What is missing is listed on page 2.',
  page: (n, total) => `page ${n} / ${total}`,
  fingerprint: 'Fingerprint',
  fingerprintSource: {
    'export-file': 'SHA-256 fingerprint of the export file',
    content: 'SHA-256 fingerprint of the report data',
  },
  cover: {
    establishment: 'Establishment',
    finessEj: 'Legal FINESS (EJ)',
    finessEg: 'Site FINESS (EG)',
    category: 'Category',
    ght: 'GHT',
    ghtSupport: 'support establishment',
    size: 'Size',
    beds: (n) => `${n} beds and places`,
    staff: (n) => `${n} staff`,
    questionnaire: 'Questionnaire',
    campaign: 'Campaign',
    date: 'Report date',
    author: 'Author',
    noAuthor: 'not given',
    sharingLevel: 'Sharing level',
    keyFingerprint: 'Signing key fingerprint',
    contents: 'Contents',
    counts: 'What the report holds',
  },
  sharingLevels: {
    full: 'full (answers, comments, justifications and evidence)',
    auditor: 'auditor (no free text, no evidence)',
    statistics: 'statistics (scores and ratios only)',
  },
  sections: {
    completeness: 'Report completeness',
    summary: 'Executive summary',
    domains: 'Results per domain',
    gaps: 'Ranked gaps',
    actions: 'Action plan',
    budget: 'Digital and cybersecurity budget',
    applications: 'Sensitive applications and two-factor authentication',
    providerQuestions: 'Questions for your IT provider or GHT',
    annex: 'Annex — every answer',
    method: 'Scoring method',
    sources: 'Sources',
  },
  completeness: {
    complete: 'Complete assessment: every applicable question has an answer.',
    incomplete: 'Incomplete assessment: every page of this report is marked "DRAFT".',
    counts: (c) =>
      `This report holds ${c.answers} answer(s) out of ${c.applicable} applicable question(s), ${c.comments} comment(s), ${c.justifications} not-applicable justification(s), ${c.evidence} piece(s) of evidence, ${c.actions} action(s) and ${c.applications} application(s).`,
    missing: {
      unanswered: (n) => `${n} applicable question(s) not answered`,
      'missing-justification': (n) => `${n} "not applicable" answer(s) without a justification`,
      'to-review': (n) => `${n} answer(s) carried over from the previous campaign and not reviewed yet`,
      'no-budget': () => 'no budget figures for the campaign year',
      'no-applications': () => 'no sensitive application listed',
      'no-actions': () => 'no action in the action plan',
      'evidence-unknown-item': (n) =>
        `${n} piece(s) of evidence attached to a question not in the questionnaire (listed in the annex)`,
    },
    omitted: 'Left out by the sharing level of the file:',
    omittedContent: {
      comments: 'comments',
      justifications: 'not-applicable justifications',
      evidence: 'the evidence list',
      'application-names': 'application names',
      'action-details': 'action details (description, owner, cost)',
      answers: 'the answers',
      applications: 'the application inventory',
      actions: 'the action plan',
      'budget-inputs': 'the budget amounts entered',
    },
    nothingMissing: 'Nothing is missing.',
  },
  summary: {
    overall: 'Overall score',
    completeness: 'Completeness',
    answered: (a, t) => `${a} answer(s) out of ${t} applicable question(s)`,
    gapsCount: (t, c) => `${t} gap(s), ${c} of them critical`,
    unknownCount: (n) => `${n} "don't know" answer(s)`,
    radarTitle: 'Score per domain',
    radarAlt: 'The values of the chart are in the table of results per domain.',
    ratios: 'The three ratios',
    itShare: (t) => `Share of the operating budget spent on digital (target ${t})`,
    cyberShare: (t) => `Share of the digital budget spent on cybersecurity (target ${t})`,
    twoFactorShare: 'Accounts of sensitive applications protected by two factors',
    firstActions: 'First actions',
    suggestedFromGap: 'gap with no planned action',
    nextDeadlines: 'Next deadlines',
    none: 'none',
    notEntered: 'not entered',
  },
  domains: {
    domain: 'Domain',
    score: 'Score',
    answered: 'Answers',
    met: 'Met',
    unknown: '"Don\'t know"',
    notApplicable: 'Not applicable',
    noScore: 'no score',
  },
  gaps: {
    intro:
      'Applicable questions not fully met, ranked: critical first, then overdue, then official objectives before good practice.',
    rank: 'No.',
    item: 'Question',
    weight: 'Weight',
    answer: 'Answer',
    basis: 'Basis',
    due: 'Due',
    evidence: 'Expected proof',
    comment: 'Comment',
    official: (r) => `official objective ${r}`,
    inferred: 'good practice inferred from the programme',
    none: 'No gap among the answered questions.',
    overdueBy: (d) => `${d} days overdue`,
    inDays: (d) => `in ${d} days`,
  },
  actions: {
    title: 'Action',
    item: 'Question',
    status: 'Status',
    owner: 'Owner',
    due: 'Due',
    cost: 'Estimated cost',
    description: 'Description',
    overdue: 'overdue',
    none: 'No action has been planned yet.',
    openCost: (a, n) =>
      n > 0
        ? `Estimated cost of the open actions: ${a} (at least: ${n} action(s) without an estimate).`
        : `Estimated cost of the open actions: ${a}.`,
    againstGap: (s, g) => `That is ${s} of the ${g} missing to reach the cybersecurity target.`,
  },
  budget: {
    year: 'Year',
    itShare: 'Digital / operating',
    cyberShare: 'Cyber / digital',
    itShareTotal: 'Digital, operating + capital',
    cyberShareNet: 'Cyber net of funding',
    gapIt: 'Missing for the digital target',
    gapCyber: 'Missing for the cyber target',
    targets: (it, cyber) =>
      `Targets: ${it} of the operating budget on digital, ${cyber} of digital on cybersecurity (settings).`,
    none: 'No budget figures.',
    trend: 'Trend',
    trendAlt: 'The values of the chart are in the table above.',
  },
  applications: {
    intro:
      'Rule of 1 January 2026 (electronic identification framework, RIE): a login and password alone are no longer compliant for sensitive applications.',
    name: 'Application',
    kind: 'Kind',
    means: 'Authentication',
    users: 'Users',
    twoFactor: 'With two factors',
    homologation: 'Homologation',
    status: 'Compliance',
    findings: 'Gaps',
    unnamed: (k, n) => `${k} no. ${n}`,
    compliantApps: 'Sensitive applications meeting the 2026 rule',
    usersShare: 'Accounts of sensitive applications with two factors',
    patientRecordShare: 'Patient-record users with two factors',
    target2027: '2027 target (doctors and nurses on the patient record)',
    target2028: '2028 target (every patient-record user)',
    met: 'met',
    notMet: 'not met',
    unknown: 'unknown',
    none: 'No application listed.',
    countOf: (d, t, s) => `${d} of ${t} (${s})`,
  },
  providerQuestions: {
    intro: 'Each "don\'t know" answer is a question to put to your IT provider or your GHT.',
    none: 'No "don\'t know" answer.',
    question: 'Question',
    comment: 'Comment',
  },
  annex: {
    intro:
      'Every applicable question, in questionnaire order, with its answer, its comment, the justification of a not-applicable answer and the list of evidence (name, document date, SHA-256 fingerprint).',
    item: 'Question',
    answer: 'Answer',
    details: 'Comment, justification and evidence',
    comment: 'Comment',
    justification: 'Justification',
    evidence: 'Evidence',
    toReview: 'to review (carried over from the previous campaign)',
    unanswered: 'not answered',
    noEvidence: 'no evidence',
    outOfScope: 'Answers to questions that do not apply to the establishment’s profile',
    unknownItems: 'Evidence attached to questions not in this version of the questionnaire',
    evidenceLine: (name, date, sha) => `${name} — ${date} — SHA-256: ${sha}`,
    undated: 'undated',
  },
  answers: {
    yes: 'Yes',
    partial: 'Partly',
    no: 'No',
    notApplicable: 'Not applicable',
    unknown: "Don't know",
    unanswered: 'Not answered',
    days: (n) => `${n} days`,
    count: (n) => n,
  },
  weights: { critical: 'critical', high: 'high', medium: 'medium' },
  gapStates: { no: 'no', partial: 'partly', unknown: "don't know" },
  urgencies: { overdue: 'overdue', near: 'within 90 days', later: 'later', none: 'undated' },
  deadlineStatuses: { met: 'met', 'not-met': 'not met', unknown: 'unknown', 'not-applicable': 'not applicable' },
  deadlines: {
    'rie-remote-2fa': 'Two-factor authentication for remote access',
    'rie-commitment': 'Commitment to secure electronic identification',
    'rie-identity-repository': 'Local identity repository (requirement 27)',
    'rie-no-password-only': 'End of login and password alone',
    'rie-homologation': 'Approval of electronic identification means',
    'care-d1-declaration': 'CaRE domain 1: declaration that the objectives are met',
    'care-d2-application': 'CaRE domain 2: application and prerequisites',
    'care-d2-declaration': 'CaRE domain 2: declaration that the objectives are met',
    'care-d1bis-application': 'CaRE domain 1 bis: application',
    'care-d2-pca-test': 'Test of a business continuity plan',
    'hospiconnect-2026': 'HospiConnect 2026: project framing and maturity indicators',
    'hospiconnect-2027': 'HospiConnect 2027: doctors and nurses with two factors',
    'hospiconnect-2028': 'HospiConnect 2028: every patient-record user',
    'crisis-exercise': 'Annual cyber crisis exercise',
  },
  actionStatuses: { todo: 'to do', 'in-progress': 'in progress', done: 'done', dropped: 'dropped' },
  bands: { 'at-risk': 'at risk', below: 'below target', 'on-target': 'on target', above: 'above target' },
  categories: {
    chu: 'University hospital (CHU)',
    ch: 'Hospital (CH)',
    chs: 'Psychiatric hospital (CHS)',
    clinic: 'Private clinic',
    clcc: 'Cancer centre (CLCC)',
    ssr: 'Rehabilitation care (SMR)',
    had: 'Hospital at home (HAD)',
    'other-health': 'Other health establishment',
    ehpad: 'Nursing home (EHPAD)',
    ime: 'Medico-educational institute (IME)',
    ssiad: 'Home nursing service (SSIAD)',
    esat: 'Sheltered work centre (ESAT)',
    mas: 'Specialised care home (MAS)',
    fam: 'Medicalised care home (FAM)',
    'other-medico-social': 'Other medico-social establishment',
  },
  applicationKinds: {
    'patient-record': 'Patient or resident record (DPI, DUI)',
    imaging: 'Imaging (RIS, PACS)',
    laboratory: 'Laboratory (LIS)',
    pharmacy: 'Pharmacy and medication management',
    'e-prescription': 'E-prescription',
    'remote-access': 'Remote access (VPN, portal, remote maintenance)',
    mail: 'Mail (including secure health messaging)',
    hr: 'Human resources (payroll, rosters)',
    other: 'Other application',
  },
  means: {
    'password-only': 'Login and password only',
    otp: 'One-time code',
    'cps-card': 'CPS card',
    'e-cps': 'e-CPS',
    'pro-sante-connect': 'Pro Santé Connect',
    'fido2-key': 'FIDO2 key',
    'establishment-card': 'Establishment card',
    other: 'Other means',
  },
  homologation: {
    'not-required': 'not required',
    'to-do': 'to do',
    'in-progress': 'in progress',
    'with-reservations': 'granted with reservations',
    'without-reservations': 'granted without reservation',
  },
  applicationStatuses: {
    'non-compliant': 'non-compliant',
    'non-compliant-not-sensitive': 'non-compliant (not sensitive)',
    compliant: 'meets the 2026 rule',
    'out-of-scope': 'out of scope (no health data)',
  },
  rule2026Gaps: {
    'no-means': 'no authentication means given',
    'password-only': 'login-and-password-only access remains',
    'means-not-homologated': 'local means not homologated yet',
    'users-without-two-factors': 'some users without a second factor',
  },
  method: {
    title: 'Scoring method',
    paragraphs: [
      'No programme publishes a scoring method for CaRE or HospiConnect: this one is the app’s own, simple to check by hand, and the same as on screen.',
      'Value of an answer: yes is worth 1, partly 0.5, no 0; a choice question the score of the option chosen; a number or a percentage 1 if it meets the target in force at the report date, else the share met; a date 1 if it falls within the period asked for. "Don\'t know" is worth 0 and becomes a question for the provider; "not applicable" is left out.',
      'Weights: a critical question weighs 3, a high one 2, a medium one 1.',
      'Score: the mean of the values of the answered questions, weighted by their weights, as a percentage, per domain and overall (not the mean of the domain scores).',
      'Completeness: the share of applicable questions that have an answer. Until it reaches 100%, the score describes only what has been answered and the report is a draft.',
      'Gaps: applicable questions worth less than 1, "don\'t know" included; ranked by weight, then urgency (overdue, within 90 days, later, undated), then official objectives before good practice, then by id.',
      'Budget: ratios are recomputed from the amounts entered; the 2% and 10% targets are settings, their wording not having been found in an official text.',
      'Fingerprint: the SHA-256 fingerprint in the footer identifies the data the report was made from; two reports with the same fingerprint come from the same data.',
    ],
  },
  sources: {
    questionnaire: 'Sources of the questionnaire',
    deadlines: 'Sources of the deadlines',
  },
  csv: {
    answers: {
      itemId: 'Id',
      domain: 'Domain',
      question: 'Question',
      weight: 'Weight',
      basis: 'Basis',
      answer: 'Answer',
      score: 'Value (0 to 1)',
      comment: 'Comment',
      justification: 'Justification',
      toReview: 'To review',
      evidence: 'Evidence',
    },
    gaps: {
      rank: 'Rank',
      itemId: 'Id',
      domain: 'Domain',
      question: 'Question',
      weight: 'Weight',
      state: 'Answer',
      basis: 'Basis',
      due: 'Due',
      urgency: 'Urgency',
      evidence: 'Expected proof',
      comment: 'Comment',
    },
    actions: {
      title: 'Action',
      itemId: 'Question',
      status: 'Status',
      owner: 'Owner',
      dueDate: 'Due',
      cost: 'Estimated cost (€)',
      overdue: 'Overdue',
      description: 'Description',
    },
    budget: { year: 'Year', field: 'Figure', value: 'Value' },
    applications: {
      name: 'Application',
      kind: 'Kind',
      sensitive: 'Sensitive',
      means: 'Authentication',
      users: 'Users',
      twoFactor: 'With two factors',
      homologation: 'Homologation',
      targetDate: 'Target date',
      status: 'Compliance',
      findings: 'Gaps',
    },
    yes: 'yes',
    no: 'no',
    budgetFields: {
      totalOperatingCharges: 'Total operating charges (€)',
      itOperatingCharges: 'Digital operating charges (€)',
      itStaffCharges: 'Digital staff charges (€)',
      totalCapex: 'Total capital expenditure (€)',
      itCapex: 'Digital capital expenditure (€)',
      cyberOperating: 'Cybersecurity operating spend (€)',
      cyberCapex: 'Cybersecurity capital expenditure (€)',
      externalCyberFunding: 'External cybersecurity funding (€)',
      itFte: 'Digital FTEs',
      securityFte: 'Security FTEs',
      workstations: 'Workstations',
      bedsAndPlaces: 'Beds and places',
      itShareOfOperating: 'Digital share of the operating budget',
      cyberShareOfIt: 'Cybersecurity share of the digital budget',
      itShareTotal: 'Digital share, operating and capital',
      cyberShareTotal: 'Cybersecurity share, operating and capital',
      cyberShareNet: 'Cybersecurity share net of funding',
      securityStaffShare: 'Share of digital FTEs on security',
      gapToItTargetEur: 'Missing for the digital target (€)',
      gapToCyberTargetEur: 'Missing for the cybersecurity target (€)',
    },
  },
};

export const reportTexts: Record<Language, ReportTexts> = { fr, en };
