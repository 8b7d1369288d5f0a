import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFrenchTypography, collectFrenchTexts } from './french-typography';

describe('French typography rules', () => {
  it('accept well-set French', () => {
    expect(
      checkFrenchTypography(
        'L’établissement a-t-il testé son plan\u202f? Oui\u00a0: à 66\u00a0% «\u202fbouton rouge\u202f».',
      ),
    ).toEqual([]);
  });

  it('catch straight apostrophes, bare high punctuation, unspaced « » and missing accents', () => {
    const rules = checkFrenchTypography("L'etablissement est-il pret ? Taux: 66% «rouge»").map((i) => i.rule);
    expect(rules).toContain('straight apostrophe: use ’');
    expect(rules).toContain('; ! ? follow a non-breaking space');
    expect(rules).toContain(': follows a non-breaking space');
    expect(rules).toContain('% and € are spaced from the number');
    expect(rules).toContain('« is followed by a non-breaking space');
    expect(rules).toContain('» follows a non-breaking space');
    expect(rules).toContain('accent missing in « etablissement »');
  });

  it('leave times and web addresses alone', () => {
    expect(checkFrenchTypography('Réunion à 10:30 sur https://esante.gouv.fr')).toEqual([]);
    expect(checkFrenchTypography('Déclarez sur signalement.social-sante.gouv.fr dès le 1er juin.')).toEqual([]);
  });
});

const root = join(process.cwd(), 'questionnaires');
const files = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(root, d.name))
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(d.name, f)),
  );

describe.each(files)('French text of questionnaires/%s', (file) => {
  it('follows French typography', () => {
    const json: unknown = JSON.parse(readFileSync(join(root, file), 'utf8'));
    const problems = collectFrenchTexts(json).flatMap(({ path, text }) =>
      checkFrenchTypography(text).map((issue) => `${path}: ${issue.rule} — “${issue.excerpt}”`),
    );
    expect(problems).toEqual([]);
  });
});
