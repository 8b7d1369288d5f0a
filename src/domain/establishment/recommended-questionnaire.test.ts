import { describe, expect, it } from 'vitest';
import { orderForProfile, recommendedQuestionnaireId } from './recommended-questionnaire';

const shipped = [{ id: 'care' }, { id: 'hospiconnect' }, { id: 'esms' }];

describe('the questionnaire a profile starts with', () => {
  it('is the ESMS path for a medico-social establishment, CaRE for a health one', () => {
    expect(recommendedQuestionnaireId('medico-social')).toBe('esms');
    expect(recommendedQuestionnaireId('health')).toBe('care');
  });

  it('comes first, the others after it in their order', () => {
    expect(orderForProfile(shipped, 'medico-social').map((q) => q.id)).toEqual(['esms', 'care', 'hospiconnect']);
    expect(orderForProfile(shipped, 'health').map((q) => q.id)).toEqual(['care', 'hospiconnect', 'esms']);
  });

  it('leaves the order alone when the recommended one is not offered', () => {
    expect(orderForProfile([{ id: 'hospiconnect' }], 'medico-social').map((q) => q.id)).toEqual(['hospiconnect']);
  });
});
