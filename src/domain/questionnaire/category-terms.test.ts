import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildItem, buildQuestionnaire } from '../../testing/domain/scoring/builders';
import { genericPeopleTerm, peopleTermFor, withCategoryTerms } from './category-terms';
import { hashQuestionnaire, parseQuestionnaire } from './parse-questionnaire';

const item = buildItem({
  id: 'esms.x.01',
  question: {
    fr: 'Les dossiers des personnes accompagnées sont-ils sauvegardés\u202f?',
    en: 'Are the records of the people supported backed up?',
  },
});
const questionnaire = buildQuestionnaire([item]);

describe('the words of each medico-social category', () => {
  it('speak of « résidents » in an EHPAD, « personnes aidées » in a SSIAD, « personnes accompagnées » in an IME or ESAT', () => {
    expect(peopleTermFor('ehpad').fr).toBe('résidents');
    expect(peopleTermFor('ssiad').fr).toBe('personnes aidées');
    expect(peopleTermFor('ime')).toBe(genericPeopleTerm);
    expect(peopleTermFor('esat')).toBe(genericPeopleTerm);
  });

  it('replace the generic term in both languages, leaving the questionnaire as shipped untouched', async () => {
    const before = await hashQuestionnaire(questionnaire);
    const ehpad = withCategoryTerms(questionnaire, 'ehpad');
    expect(ehpad.items[0]?.question).toEqual({
      fr: 'Les dossiers des résidents sont-ils sauvegardés\u202f?',
      en: 'Are the records of the residents backed up?',
    });
    expect(withCategoryTerms(questionnaire, 'ssiad').items[0]?.question.fr).toBe(
      'Les dossiers des personnes aidées sont-ils sauvegardés\u202f?',
    );
    expect(withCategoryTerms(questionnaire, 'ime')).toBe(questionnaire);
    expect(await hashQuestionnaire(questionnaire)).toBe(before);
  });

  it('give the same questionnaire each time it is asked for, so that a screen reading it at every render does not copy it', () => {
    expect(withCategoryTerms(questionnaire, 'ehpad')).toBe(withCategoryTerms(questionnaire, 'ehpad'));
    expect(withCategoryTerms(questionnaire, 'ssiad')).not.toBe(withCategoryTerms(questionnaire, 'ehpad'));
  });

  it('find the generic term in the ESMS path of 2026.2 and no other word for the people served', () => {
    const file = 'esms/2026.2.json';
    const parsed = parseQuestionnaire(
      JSON.parse(readFileSync(join(process.cwd(), 'questionnaires', file), 'utf8')),
      file,
    );
    if (!parsed.ok) throw new Error(file);
    const texts = JSON.stringify(parsed.questionnaire.items);
    expect(texts).toContain(genericPeopleTerm.fr);
    expect(texts).toContain(genericPeopleTerm.en);
    // « résident » and « usager » alone would read wrong in an IME or a SSIAD; « dossier usager » is the record.
    expect(texts).not.toMatch(/résident|resident/i);
    expect(texts.replaceAll('dossier usager', '')).not.toMatch(/usager/);
    expect(texts).not.toMatch(/logiciel de soins|care software/);
    const ehpad = JSON.stringify(withCategoryTerms(parsed.questionnaire, 'ehpad').items);
    expect(ehpad).not.toContain(genericPeopleTerm.fr);
    expect(ehpad).toContain('résidents');
  });
});
