import { describe, expect, it } from 'vitest';
import { buildItem, buildQuestionnaire } from '../../testing/domain/scoring/builders';
import { contentLookup } from './content-lookup';

describe('contentLookup', () => {
  const older = { ...buildQuestionnaire([buildItem({ id: 'a' })]), version: '2025.1' };
  const newer = {
    ...buildQuestionnaire([buildItem({ id: 'a', question: { fr: 'Nouvelle ?', en: 'New?' } }), buildItem({ id: 'b' })]),
    title: { fr: 'Titre actuel', en: 'Current title' },
  };

  it('gives titles and questions in the language asked, the latest version’s wording winning', () => {
    const content = contentLookup([older, newer], 'en');
    expect(content.questionnaireTitle('test')).toBe('Current title');
    expect(content.domainTitle('test', 'governance')).toBe('Domain governance');
    expect(content.domainOrder('test')).toEqual(['governance']);
    expect(content.question('a')).toBe('New?');
    expect(contentLookup([older, newer], 'fr').question('b')).toBe('Question b ?');
  });

  it('falls back to the ids for content it does not have', () => {
    const content = contentLookup([], 'fr');
    expect(content.questionnaireTitle('care')).toBe('care');
    expect(content.domainTitle('care', 'gouvernance')).toBe('gouvernance');
    expect(content.domainOrder('care')).toEqual([]);
    expect(content.question('x')).toBeUndefined();
  });

  it('gives a domain’s short label, or its title when it has none', () => {
    const withShort = {
      ...newer,
      domains: newer.domains.map((d) => ({ ...d, shortTitle: { fr: 'Gouvernance', en: 'Governance' } })),
    };
    expect(contentLookup([withShort], 'en').domainShortTitle('test', 'governance')).toBe('Governance');
    expect(contentLookup([newer], 'en').domainShortTitle('test', 'governance')).toBe('Domain governance');
    expect(contentLookup([], 'fr').domainShortTitle('care', 'gouvernance')).toBe('gouvernance');
  });
});
