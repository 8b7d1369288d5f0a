/**
 * French typography rules checked on every French text the app ships (questionnaires, interface): the
 * apostrophe is typographic, « » and the high punctuation ; : ! ? take a non-breaking space, % and € too, and the
 * common words keep their accents. Reference: Lexique des règles typographiques en usage à l'Imprimerie nationale.
 */
const NBSP = '\u00a0';
const NNBSP = '\u202f';
const nonBreaking = `[${NBSP}${NNBSP}]`;

/** Common words a hurried writer types without their accents; each entry is the wrong form. */
export const unaccentedWords = [
  'etablissement',
  'securite',
  'procedure',
  'donnees',
  'reseau',
  'systeme',
  'controle',
  'deja',
  'evenement',
  'acces',
  'strategie',
  'realise',
  'realisee',
  'resilience',
  'reponse',
  'defini',
  'definie',
  'regulierement',
  'perimetre',
  'deploye',
  'deployee',
  'elevee',
  'medecin',
  'medecins',
  'activite',
  'activites',
  'identite',
  'identites',
  'critere',
  'criteres',
  'prealable',
  'mis a jour',
  'mise a jour',
  'a jour',
  'numerique',
  'metier',
  'metiers',
  'equipe',
  'equipes',
  'strategique',
  'frequence',
  'detection',
  'repertoire',
  'homologue',
  'homologues',
  'prevu',
  'prevue',
  'dependance',
  'depuis le 1er',
  'tres',
  'apres',
  'deuxieme',
  'premiere',
  'derniere',
  'annee',
  'annees',
  'categorie',
  'proprietaire',
  'verifie',
  'verifiee',
  'electronique',
  'medico-social',
  'sante',
];

export interface TypographyIssue {
  rule: string;
  excerpt: string;
}

function around(text: string, index: number): string {
  return text.slice(Math.max(0, index - 20), index + 20);
}

export function checkFrenchTypography(text: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  const add = (rule: string, index: number) => issues.push({ rule, excerpt: around(text, index) });
  for (const m of text.matchAll(/'/g)) add('straight apostrophe: use ’', m.index);
  for (const m of text.matchAll(/"/g)) add('straight quotes: use « »', m.index);
  for (const m of text.matchAll(new RegExp(`«(?!${nonBreaking})`, 'g')))
    add('« is followed by a non-breaking space', m.index);
  for (const m of text.matchAll(new RegExp(`(?<!${nonBreaking})»`, 'g')))
    add('» follows a non-breaking space', m.index);
  for (const m of text.matchAll(new RegExp(`(?<!${nonBreaking})[;!?]`, 'g')))
    add('; ! ? follow a non-breaking space', m.index);
  // A colon takes one too, except in a time (10:30), a reference (art. L.1111-8:), a URL or a ratio written 1:1.
  for (const m of text.matchAll(new RegExp(`(?<![${NBSP}${NNBSP}\\d])(?<!https?):(?!//)`, 'g'))) {
    add(': follows a non-breaking space', m.index);
  }
  for (const m of text.matchAll(/ [%€]/g)) add('% and € follow a non-breaking space', m.index);
  for (const m of text.matchAll(/\d[%€]/g)) add('% and € are spaced from the number', m.index);
  // Web addresses and domain names keep their own spelling (signalement.social-sante.gouv.fr).
  const lower = text.toLowerCase().replace(/(https?:\/\/)?[\w-]+(\.[\w-]+)+(\/\S*)?/g, (m) => ' '.repeat(m.length));
  for (const word of unaccentedWords) {
    for (const m of lower.matchAll(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'gu'))) {
      add(`accent missing in « ${word} »`, m.index);
    }
  }
  return issues;
}

/** Every French string of a JSON value: the values under a key "fr", at any depth. */
export function collectFrenchTexts(value: unknown, path = ''): { path: string; text: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => collectFrenchTexts(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) =>
      key === 'fr' && typeof v === 'string'
        ? [{ path: `${path}.fr`, text: v }]
        : collectFrenchTexts(v, `${path}.${key}`),
    );
  }
  return [];
}
