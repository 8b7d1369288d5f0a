// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../domain/assessment/assessment';
import { audiencesOf } from '../domain/establishment/establishment';
import { compareCampaigns } from '../domain/results/compare-campaigns';
import { scoreAssessment } from '../domain/scoring/score-assessment';
import { createTranslator } from '../texts/translator';
import { reportModelFromExport, type ExportForReport } from './report-from-export';
import { buildReportModel } from './report-model';
import { completeReportInput, demoReportInput, loadDemo } from '../testing/report/report-test-data';

describe('buildReportModel', () => {
  it('holds every answer, comment, justification and piece of evidence of the fixture, and counts them', () => {
    const input = completeReportInput();
    const model = buildReportModel(input);
    const entries = new Map(model.annex.flatMap((g) => g.entries.map((e) => [e.itemId, e])));
    const answers = Object.entries(input.answers ?? {});
    expect(answers.length).toBeGreaterThan(70);
    for (const [id, answer] of answers) {
      const entry = entries.get(id);
      expect(entry, id).toBeDefined();
      expect(entry?.answered).toBe(true);
      expect(entry?.comment).toBe(answer.comment);
      if (answer.response?.kind === 'not-applicable') expect(entry?.justification).toBe(answer.response.justification);
    }
    const listed = [...entries.values()].flatMap((e) => e.evidence.map((ev) => ev.sha256 + ev.name));
    expect(listed.sort()).toEqual(input.evidence.map((ev) => ev.sha256 + ev.name).sort());
    expect(model.completeness).toMatchObject({
      complete: true,
      counts: {
        answers: answers.length,
        comments: answers.length,
        evidence: input.evidence.length,
        justifications: answers.filter(([, a]) => a.response?.kind === 'not-applicable').length,
      },
      missing: [],
    });
  });

  it('says what is missing from an incomplete assessment, with the items to link to', () => {
    const input = demoReportInput('demo-chu-care-2026');
    const model = buildReportModel(input);
    expect(model.completeness.complete).toBe(false);
    const unanswered = model.completeness.missing.find((m) => m.code === 'unanswered');
    expect(unanswered?.count).toBe(77 - Object.keys(input.answers ?? {}).length);
    expect(unanswered?.itemIds).toContain('care.gov.04');
    expect(unanswered?.domainIds[unanswered.itemIds.indexOf('care.gov.04')]).toBe('governance');
  });

  it('keeps answers to items outside the profile and evidence of unknown items rather than dropping them', () => {
    const input = demoReportInput('demo-ehpad-esms-2026');
    const model = buildReportModel({
      ...input,
      answers: { ...input.answers, 'esms.gone.99': { response: { kind: 'status', value: 'yes' }, comment: 'ancien' } },
      evidence: [{ itemId: 'esms.gone.99', name: 'vieux.pdf', size: 1, sha256: 'a'.repeat(64) }],
    });
    const unknown = model.annex.find((g) => g.id === 'unknown-items');
    expect(unknown?.entries[0]).toMatchObject({
      itemId: 'esms.gone.99',
      comment: 'ancien',
      evidence: [{ name: 'vieux.pdf' }],
    });
    expect(model.completeness.missing.map((m) => m.code)).toContain('evidence-unknown-item');
  });

  it('ranks gaps as the gap list does and numbers them from 1', () => {
    const model = buildReportModel(demoReportInput('demo-chu-care-2026'));
    expect(model.gaps.map((g) => g.rank)).toEqual(model.gaps.map((_, i) => i + 1));
    const weights = model.gaps.map((g) => ['critical', 'high', 'medium'].indexOf(g.weight));
    expect(weights).toEqual([...weights].sort((a, b) => a - b));
  });
});

describe('the change since the previous campaign', () => {
  it('is the results screen’s comparison: overall, per domain, items up and down', () => {
    const input = demoReportInput('demo-chu-care-2026');
    const previous = input.previousCampaign;
    expect(previous?.campaignYear).toBe(2025);
    if (!previous) return;
    const audiences = audiencesOf(input.establishment);
    const expected = compareCampaigns(
      // The demo's answers are stored answers (Assessment['answers']), as the results screen scores them.
      scoreAssessment(input.questionnaire, (input.answers ?? {}) as Assessment['answers'], audiences, input.asOf),
      scoreAssessment(previous.questionnaire, previous.answers as Assessment['answers'], audiences, previous.asOf),
      2025,
    );
    const model = buildReportModel(input);
    expect(model.summary.comparison).toEqual({
      previousYear: 2025,
      previous: expected.overall.previous,
      delta: expected.overall.delta,
      improved: expected.improvedItemIds.length,
      worsened: expected.worsenedItemIds.length,
    });
    expect(model.summary.comparison?.delta).toBeGreaterThan(0);
    expect(model.domains.map((d) => [d.domainId, d.previous, d.delta])).toEqual(
      expected.domains.map((d) => [d.domainId, d.previous, d.delta]),
    );
  });

  it('is absent from a first campaign and from a report made from an export file', () => {
    expect(buildReportModel(demoReportInput('demo-chu-care-2025')).summary.comparison).toBeUndefined();
    expect(buildReportModel(demoReportInput('demo-ehpad-esms-2026')).domains.every((d) => d.delta === undefined)).toBe(
      true,
    );
  });
});

describe('reportModelFromExport', () => {
  const input = demoReportInput('demo-chu-care-2026');
  const envelope = (
    level: ExportForReport['sharingLevel'],
    answers: ExportForReport['content']['answers'],
  ): ExportForReport => ({
    exportedAt: '2026-11-23T10:00:00Z',
    sharingLevel: level,
    establishment: input.establishment,
    content: {
      questionnaire: { id: 'care', version: '2026.1' },
      campaignYear: 2026,
      scores: {
        asOf: '2026-11-23',
        overall: { score: 78, completeness: 0.74, answered: 57, applicable: 77, unknown: 3, notApplicable: 1 },
        domains: [],
      },
      answers,
    },
    integrity: { digest: 'd'.repeat(64) },
  });

  it('prints the file digest and says what an auditor-level file leaves out', () => {
    const answers = Object.fromEntries(
      Object.entries(input.answers ?? {}).map(([id, a]) => [
        id,
        { response: a.response?.kind === 'not-applicable' ? { kind: 'not-applicable' as const } : a.response },
      ]),
    );
    const model = reportModelFromExport(envelope('auditor', answers), input.questionnaire, { language: 'fr' });
    expect(model.meta.fingerprint).toEqual({ value: 'd'.repeat(64), source: 'export-file' });
    expect(model.completeness.omittedBySharingLevel).toEqual([
      'comments',
      'justifications',
      'evidence',
      'application-names',
      'action-details',
    ]);
    expect(model.completeness.counts.answers).toBe(Object.keys(answers).length);
    expect(model.completeness.missing.map((m) => m.code)).not.toContain('missing-justification');
    // An export file holds one campaign: no change since an earlier one is printed.
    expect(model.summary.comparison).toBeUndefined();
  });

  it('prints the stored scores of a statistics-level file, which has no answers', () => {
    const model = reportModelFromExport(envelope('statistics', undefined), input.questionnaire, { language: 'en' });
    expect(model.summary.overall.score).toBe(78);
    expect(model.gapsKnown).toBe(false);
    expect(model.completeness.omittedBySharingLevel).toContain('answers');
    expect(model.completeness.complete).toBe(false);
  });
});

describe('the report texts', () => {
  // French typography and the same keys in both languages: src/texts/locales/locales.test.ts checks every locale file,
  // report.json and regional.json included.
  const fr = createTranslator('fr');
  const en = createTranslator('en');

  it('cover every demo establishment category', () => {
    for (const e of loadDemo().establishments)
      expect(fr(`report.categories.${e.category}`)).not.toBe(`report.categories.${e.category}`);
  });

  it('agree in number with the count they print', () => {
    expect(fr('report.completeness.missing.unanswered', { count: 1 })).toBe('1 question applicable sans réponse');
    expect(fr('report.completeness.missing.unanswered', { count: 0 })).toBe('0 question applicable sans réponse');
    expect(fr('report.completeness.missing.unanswered', { count: 3 })).toBe('3 questions applicables sans réponse');
    expect(en('report.gaps.inDays', { count: 1 })).toBe('in 1 day');
    expect(en('report.gaps.overdueBy', { count: 12 })).toBe('12 days overdue');
  });

  it('print the names of the answers', () => {
    const input = completeReportInput('en');
    const model = buildReportModel(input);
    const texts = new Set(model.annex.flatMap((g) => g.entries.map((e) => e.answerText)));
    for (const word of ['Yes', 'Partly', 'No', "Don't know", 'Not applicable']) expect(texts).toContain(word);
  });
});
