import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from './parse-questionnaire';
import type { Questionnaire, QuestionnaireItem, Target } from './questionnaire-schema';

/**
 * Coherence of the HospiConnect / RIE questionnaire and of the ESMS light path: the staged HospiConnect – Hop'en 2
 * targets (75 % then 90 % consent, 40 % then 60 % DMP consultation, 2FA for doctors and nurses in 2027 and for all
 * DPI users in 2028), the RIE deadlines, and ESMS domains that compare with the hospital questionnaires.
 */
const root = join(process.cwd(), 'questionnaires');

function load(id: string): Questionnaire {
  const file = `${id}/2026.1.json`;
  const result = parseQuestionnaire(JSON.parse(readFileSync(join(root, file), 'utf8')), file);
  if (!result.ok) throw new Error(`${result.fileName}: ${JSON.stringify(result.issues, null, 1)}`);
  return result.questionnaire;
}

function byId(q: Questionnaire, id: string): QuestionnaireItem {
  const item = q.items.find((i) => i.id === id);
  if (!item) throw new Error(`${q.id} has no item ${id}`);
  return item;
}

function officialReference(item: QuestionnaireItem): string | undefined {
  return item.basis.kind === 'official' ? item.basis.reference : undefined;
}

/** The single item carrying an official reference that contains `fragment`. */
function itemWithReference(q: Questionnaire, fragment: string): QuestionnaireItem {
  const matches = q.items.filter((i) => officialReference(i)?.includes(fragment));
  expect(
    matches.map((i) => i.id),
    fragment,
  ).toHaveLength(1);
  return matches[0] as QuestionnaireItem;
}

function stagedTargets(item: QuestionnaireItem): { value: number; year: string | undefined }[] {
  return (item.targets ?? []).map((t: Target) => ({ value: t.value, year: t.due?.slice(0, 4) }));
}

/** Domain ids of the CaRE questionnaire (axes 1-3 and the axis-4 domains) and of HospiConnect. */
const careDomainIds = [
  'governance',
  'crisis-management',
  'incidents',
  'resources',
  'awareness',
  'exposure-directories',
  'continuity-recovery',
  'remote-access',
  'workstations-detection',
];
const hospiconnectDomainIds = ['hc-governance', 'identity-repository', 'authentication', 'dmp-usage'];

describe('the HospiConnect / RIE questionnaire', () => {
  const hc = load('hospiconnect');

  it('is released as hospiconnect 2026.1 for ES, GHT and ESMS, with at least 20 items', () => {
    expect(hc.id).toBe('hospiconnect');
    expect(hc.version).toBe('2026.1');
    expect([...hc.audience].sort()).toEqual(['ES', 'ESMS', 'GHT']);
    expect(hc.items.length).toBeGreaterThanOrEqual(20);
  });

  it('uses exactly its four domains, all in axis 4, each with items', () => {
    expect(hc.domains.map((d) => d.id)).toEqual(hospiconnectDomainIds);
    for (const d of hc.domains) {
      expect(d.axis, d.id).toBe(4);
      expect(
        hc.items.some((i) => i.domain === d.id),
        d.id,
      ).toBe(true);
    }
  });

  it('names every item hc.<domain>.NN after its domain', () => {
    const prefix: Record<string, string> = {
      'hc-governance': 'gov',
      'identity-repository': 'id',
      authentication: 'auth',
      'dmp-usage': 'dmp',
    };
    for (const item of hc.items) {
      expect(item.id, item.id).toMatch(new RegExp(`^hc\\.${prefix[item.domain] ?? '?'}\\.\\d{2}$`));
    }
  });

  it('stages the DMP consent target: at least 75 % in 2027, then 90 % in 2028', () => {
    const consent = itemWithReference(hc, 'h2.2027.2-1');
    expect(consent.id).toBe('hc.dmp.02');
    expect(consent.answerType).toBe('percent');
    expect(officialReference(consent)).toContain('h2.2028.2-1');
    expect(consent.targets?.every((t) => t.comparator === 'at-least')).toBe(true);
    expect(stagedTargets(consent)).toEqual([
      { value: 75, year: '2027' },
      { value: 90, year: '2028' },
    ]);
  });

  it('stages the effective DMP consultation target: 40 % in 2027, then 60 % in 2028', () => {
    const consultation = itemWithReference(hc, 'h2.2027.2-2');
    expect(consultation.id).toBe('hc.dmp.03');
    expect(consultation.answerType).toBe('percent');
    expect(officialReference(consultation)).toContain('h2.2028.2-2');
    expect(stagedTargets(consultation)).toEqual([
      { value: 40, year: '2027' },
      { value: 60, year: '2028' },
    ]);
  });

  it('asks 2FA for every doctor and nurse by the end of 2027, and for every DPI user by the end of 2028', () => {
    const doctorsAndNurses = itemWithReference(hc, 'h2.2027.1-3');
    expect(doctorsAndNurses.answerType).toBe('percent');
    expect(doctorsAndNurses.question.en).toMatch(/doctors and nurses/i);
    expect(doctorsAndNurses.targets).toEqual([{ comparator: 'at-least', value: 100, due: '2027-12-31' }]);

    const allUsers = hc.items.filter((i) => officialReference(i) === 'h2.2028.1-3' && i.answerType === 'percent');
    expect(allUsers).toHaveLength(1);
    expect(allUsers[0]?.targets).toEqual([{ comparator: 'at-least', value: 100, due: '2028-12-31' }]);
  });

  it('asks the RPPS to be known by the DPI for the users concerned in 2027 and for all users in 2028', () => {
    expect(itemWithReference(hc, 'h2.2027.1-1').targets).toEqual([
      { comparator: 'at-least', value: 100, due: '2027-12-31' },
    ]);
    expect(itemWithReference(hc, 'h2.2028.1-1').targets).toEqual([
      { comparator: 'at-least', value: 100, due: '2028-12-31' },
    ]);
  });

  it('carries the RIE deadlines of 1 June 2022, 31 May 2023, 1 January 2024 and 1 January 2026', () => {
    const dates = new Set(hc.items.flatMap((i) => (i.deadline?.date ? [i.deadline.date] : [])));
    for (const date of ['2022-06-01', '2023-05-31', '2024-01-01', '2026-01-01'])
      expect(dates.has(date), date).toBe(true);
    expect(byId(hc, 'hc.auth.01').deadline?.date).toBe('2022-06-01');
    expect(byId(hc, 'hc.auth.02').deadline?.date).toBe('2026-01-01');
    expect(byId(hc, 'hc.id.01').deadline?.date).toBe('2024-01-01');
  });

  it('spreads RIE requirement 27 over two numbered parts, both due 1 January 2024', () => {
    const parts = hc.items.filter((i) => officialReference(i) === 'RIE exigence 27');
    expect(parts.map((i) => (i.basis.kind === 'official' ? i.basis.part : undefined)).sort()).toEqual([1, 2]);
    for (const item of parts) expect(item.deadline?.date, item.id).toBe('2024-01-01');
  });

  it('applies the RIE rules to ESMS but keeps the Hop\u2019en 2 funding objectives to ES and GHT', () => {
    for (const item of hc.items) {
      const reference = officialReference(item);
      if (reference?.startsWith('RIE')) expect(item.appliesTo, item.id).toContain('ESMS');
      if (reference?.startsWith('h2.')) expect(item.appliesTo, item.id).not.toContain('ESMS');
    }
  });

  it('gives every year-only objective an end-of-year date and says so in its label', () => {
    for (const item of hc.items) {
      const date = item.deadline?.date;
      if (date === undefined || !date.endsWith('-12-31')) continue;
      expect(item.deadline?.label.fr, item.id).toMatch(/31 décembre/);
      expect(item.deadline?.label.en, item.id).toMatch(/31 December/);
    }
  });

  it('flags what rests on unconfirmed facts (services sensibles, RIE v2)', () => {
    expect(byId(hc, 'hc.auth.06').unconfirmed?.fr).toMatch(/services sensibles/);
    expect(byId(hc, 'hc.gov.06').unconfirmed).toBeDefined();
  });

  it('gives every inferred item a rationale in both languages', () => {
    for (const item of hc.items.filter((i) => i.basis.kind === 'inferred')) {
      if (item.basis.kind !== 'inferred') continue;
      expect(item.basis.rationale.en, item.id).not.toBe(item.basis.rationale.fr);
    }
  });
});

describe('the ESMS light path', () => {
  const esms = load('esms');
  const knownDomainIds = new Set([...careDomainIds, ...hospiconnectDomainIds]);

  it('is released as esms 2026.1 for ESMS only, with 18 to 26 items, fewer than the CaRE minimum of 60', () => {
    expect(esms.id).toBe('esms');
    expect(esms.audience).toEqual(['ESMS']);
    expect(esms.items.length).toBeGreaterThanOrEqual(18);
    expect(esms.items.length).toBeLessThanOrEqual(26);
    expect(esms.items.length).toBeLessThan(60);
  });

  it('applies every item to ESMS alone', () => {
    for (const item of esms.items) expect(item.appliesTo, item.id).toEqual(['ESMS']);
  });

  it('reuses only domain ids of the CaRE and HospiConnect questionnaires, at least seven of them', () => {
    const ids = esms.domains.map((d) => d.id);
    expect(ids.length).toBeGreaterThanOrEqual(7);
    for (const id of ids) expect(knownDomainIds.has(id), id).toBe(true);
    for (const id of esms.items.map((i) => i.domain)) expect(knownDomainIds.has(id), id).toBe(true);
  });

  it('shares with the shipped CaRE and HospiConnect files the domains they already define, with the same axis', () => {
    // Read here, not at collection time: the CaRE file is being written alongside and may hold few domains yet.
    const shipped = new Map([...load('care').domains, ...load('hospiconnect').domains].map((d) => [d.id, d]));
    for (const domain of esms.domains) {
      const other = shipped.get(domain.id);
      if (other === undefined || other.axis === undefined || domain.axis === undefined) continue;
      expect(domain.axis, domain.id).toBe(other.axis);
    }
    expect(esms.domains.some((d) => shipped.has(d.id))).toBe(true);
  });

  it('names items esms.<short domain>.NN and keeps every domain in use', () => {
    for (const item of esms.items) expect(item.id, item.id).toMatch(/^esms\.[a-z]+\.\d{2}$/);
    for (const d of esms.domains)
      expect(
        esms.items.some((i) => i.domain === d.id),
        d.id,
      ).toBe(true);
  });

  it('marks as official only the obligations that reach ESMS: incident reporting and the RIE rules', () => {
    const references = esms.items.flatMap((i) => (i.basis.kind === 'official' ? [i.basis.reference] : []));
    expect(references.sort()).toEqual(['Art. L.1111-8-2 CSP', 'RIE — 1er janvier 2026', 'RIE — 1er juin 2022']);
    expect(esms.items.filter((i) => i.basis.kind === 'inferred').length).toBeGreaterThan(references.length);
  });

  it('presents the crisis exercise as a recommendation, not an obligation', () => {
    const exercise = esms.items.find((i) => i.domain === 'crisis-management' && /exercice/i.test(i.question.fr));
    expect(exercise).toBeDefined();
    expect(exercise?.basis.kind).toBe('inferred');
    expect(exercise?.help.why.fr).toMatch(/recommandation/);
    expect(exercise?.help.why.fr).toMatch(/pas une obligation/);
  });

  it('tells the director what to ask the IT provider in most help texts', () => {
    const asking = esms.items.filter((i) => /demandez/i.test(i.help.meaning.fr));
    expect(asking.length).toBeGreaterThanOrEqual(esms.items.length / 2);
  });
});
