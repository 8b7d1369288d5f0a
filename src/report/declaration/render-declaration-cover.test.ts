// @vitest-environment node
import { copyFileSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../domain/assessment/assessment';
import { readWindow, type DeclarationProof } from '../../domain/declaration/declaration-readiness';
import { listPackEntries, PACK_COVER_NAME } from '../../domain/declaration/pack-entries';
import { evidenceRulesSchema } from '../../domain/evidence/evidence-validity';
import { audiencesOf } from '../../domain/establishment/establishment';
import { scoreAssessment } from '../../domain/scoring/score-assessment';
import { pdfPages, renderPages, squeeze, writeTempPdf } from '../../testing/report/pdf/pdf-test-tools';
import { loadDemo, loadQuestionnaireFile } from '../../testing/report/report-test-data';
import { nodeFontLoader } from '../pdf/fonts-node';
import { renderDeclarationCover } from './render-declaration-cover';

/**
 * The cover of the declaration pack (issue 18), rendered and read back as a reader would (pdftotext): the objective
 * ids, the proofs' names, document dates and SHA-256, and their place in the pack; its pages render (pdftoppm).
 */
const rules = evidenceRulesSchema.parse(
  JSON.parse(readFileSync(new URL('../../../questionnaires/care/evidence-rules/2026.1.json', import.meta.url), 'utf8')),
);
const questionnaire = loadQuestionnaireFile('care');
const demo = loadDemo();
const assessment = demo.assessments.find((a) => a.id === 'demo-chu-care-2026') as unknown as Assessment;
const establishment = demo.establishments.find((e) => e.id === assessment.establishmentId);
const asOf = '2026-12-02';
const sha = (c: string) => c.repeat(64);
const proofs: DeclarationProof[] = [
  { id: 'e1', itemId: 'care.gov.01', name: 'PSSI signée 2026.pdf', sha256: sha('a'), documentDate: '2026-06-01' },
  { id: 'e2', itemId: 'care.gov.01', name: 'PSSI 2023.pdf', sha256: sha('b'), documentDate: '2023-02-01' },
  { id: 'e3', itemId: 'care.gov.05', name: 'organisation:projet?.pdf', sha256: sha('c') },
  { id: 'e4', itemId: 'care.gov.05', name: 'organisation_projet_.pdf', sha256: sha('d'), documentDate: '2026-01-15' },
];

describe('the declaration pack’s cover', () => {
  it('prints each objective with its state, answer and proofs (name, date, SHA-256)', async () => {
    if (!establishment) throw new Error('demo CHU missing');
    const score = scoreAssessment(questionnaire, assessment.answers, audiencesOf(establishment), asOf);
    const readiness = readWindow(
      'care-d2',
      rules,
      score,
      proofs,
      questionnaire.items.map((i) => i.id),
    );
    if (!readiness) throw new Error('no care-d2 window');
    const entries = listPackEntries(readiness);
    // The expired PSSI is not sent; names are made safe and unique in their folder.
    expect(entries.map((e) => e.path)).toEqual([
      'D2.P1/PSSI signée 2026.pdf',
      'D2.P2/organisation_projet_.pdf',
      'D2.P2/2-organisation_projet_.pdf',
    ]);
    expect(entries.every((e) => e.path !== PACK_COVER_NAME)).toBe(true);

    const { bytes, pageCount } = renderDeclarationCover({
      establishment,
      questionnaire,
      answers: assessment.answers,
      readiness,
      snapshot: { name: 'Déclaration domaine 2', frozenAt: Date.UTC(2026, 11, 2, 10), digest: sha('e') },
      entries,
      language: 'fr',
      fonts: await nodeFontLoader(),
    });
    const file = writeTempPdf(bytes, 'declaration.pdf');
    const text = squeeze(pdfPages(file).join(''));
    for (const id of readiness.objectives.map((o) => o.objective.id)) expect(text).toContain(squeeze(id));
    expect(text).toContain(squeeze('Dossier de déclaration'));
    expect(text).toContain(squeeze(establishment.name));
    expect(text).toContain(squeeze('Empreinte SHA-256 de l’instantané'));
    expect(text).toContain(sha('e'));
    expect(text).toContain(squeeze('2 sur 13'));
    for (const name of ['PSSI signée 2026.pdf', 'PSSI 2023.pdf', 'organisation:projet?.pdf']) {
      expect(text).toContain(squeeze(name));
    }
    for (const digest of [sha('a'), sha('b'), sha('c'), sha('d')]) expect(text).toContain(digest);
    expect(text).toContain(squeeze('1 juin 2026'));
    expect(text).toContain(squeeze('Valable jusqu’au 31 mai 2027'));
    expect(text).toContain(squeeze('Expirée depuis le 1 février 2024, non jointe'));
    expect(text).toContain(squeeze('D2.P2/2-organisation_projet_.pdf'));
    expect(text).toContain(squeeze('Pas prêt'));
    expect(text).toContain(squeeze('Aucune preuve jointe'));

    const pngs = renderPages(file, 60);
    expect(pngs).toHaveLength(pageCount);
    // Kept for a look by eye when asked (CARE_KEEP_PNG=dir).
    const keep = process.env.CARE_KEEP_PNG;
    if (keep) pngs.forEach((png, i) => copyFileSync(png, `${keep}/declaration-cover-${i + 1}.png`));
  }, 60_000);
});
