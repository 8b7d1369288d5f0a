import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareItemVersions } from './compare-versions';
import { D2_PCA_TEST_DATE, D2_WINDOW_OPENING, resolveDeadline } from './deadline-kind';
import { parseQuestionnaire } from './parse-questionnaire';
import type { Questionnaire, QuestionnaireItem } from './questionnaire-schema';

/**
 * Version 2026.2 says what its sources say (issue 15): one test per correction, each reading the shipped data.
 * The domain reference (its first section of corrections) is the source of each expectation.
 */
function load(id: string, version = '2026.2'): Questionnaire {
  const file = `${id}/${version}.json`;
  const parsed = parseQuestionnaire(
    JSON.parse(readFileSync(join(process.cwd(), 'questionnaires', file), 'utf8')),
    file,
  );
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.issues)}`);
  return parsed.questionnaire;
}

const care = load('care');
const hc = load('hospiconnect');
const esms = load('esms');

function byId(q: Questionnaire, id: string): QuestionnaireItem {
  const found = q.items.find((i) => i.id === id);
  if (!found) throw new Error(`${q.id} has no ${id}`);
  return found;
}

const allTexts = (value: unknown) => JSON.stringify(value);

describe('questionnaires 2026.2', () => {
  it('are released as 2026.2, each with its « nouveautés » in both languages', () => {
    for (const q of [care, hc, esms]) {
      expect(q.version).toBe('2026.2');
      expect(q.releaseNotes?.length, q.id).toBeGreaterThan(0);
      for (const note of q.releaseNotes ?? []) expect(note.en).not.toBe(note.fr);
    }
  });

  it('keep every item id of 2026.1 (nothing answered is dropped by the move)', () => {
    for (const id of ['care', 'hospiconnect', 'esms']) {
      const changes = compareItemVersions(load(id, '2026.1'), load(id));
      const now = new Set(load(id).items.map((i) => i.id));
      for (const item of load(id, '2026.1').items) expect(now.has(item.id), item.id).toBe(true);
      expect([...changes.values()]).toContain('new');
    }
  });

  it('give every deadline its kind, the domain 2 date being the opening of the declaration window', () => {
    for (const q of [care, hc, esms]) {
      for (const item of q.items.filter((i) => i.deadline)) expect(item.deadline?.kind, item.id).toBeDefined();
    }
    const d2 = care.items.filter((i) => i.deadline?.date === D2_WINDOW_OPENING);
    expect(d2.length).toBeGreaterThan(10);
    for (const item of d2) expect(item.deadline?.kind, item.id).toBe('window-opening');
    expect(byId(care, 'care.cri.01').deadline?.kind).toBe('yearly');
    expect(byId(care, 'care.inc.01').deadline?.kind).toBe('continuous');
    expect(byId(hc, 'hc.auth.03').deadline).toMatchObject({ kind: 'due-date', date: '2027-12-31' });
  });

  it('4 — make the RIE commitment yearly, signed by the legal representative', () => {
    const gov03 = byId(hc, 'hc.gov.03');
    expect(gov03.deadline).toMatchObject({ kind: 'yearly', date: '2023-05-31' });
    expect(resolveDeadline(gov03)).toEqual({ kind: 'yearly', date: '2023-05-31' });
    expect(gov03.question.fr).toMatch(/chaque année/);
    expect(gov03.question.fr).toMatch(/représentant légal/);
    expect(gov03.help.why.fr).toMatch(/31 mai 2023/);
  });

  it('5 — meet D1.O6.B when the directories have converged, the trajectory being a separate inferred item', () => {
    const d112 = byId(care, 'care.d1.12');
    expect(d112.basis).toMatchObject({ kind: 'official', reference: 'D1.O6.B' });
    expect(d112.question.fr).toMatch(/ont-ils convergé/);
    expect(d112.question.fr).not.toMatch(/trajectoire/);
    expect(d112.unconfirmed).toBeUndefined();
    const trajectory = byId(care, 'care.d1.14');
    expect(trajectory.basis.kind).toBe('inferred');
    expect(trajectory.question.fr).toMatch(/trajectoire/);
    expect(trajectory.unconfirmed).toBeDefined();
    expect(trajectory.appliesTo).toEqual(['GHT']);
  });

  it('6 — mark hc.auth.06 as resting on secondary sources only', () => {
    const auth06 = byId(hc, 'hc.auth.06');
    expect(auth06.basis.confidence).toBe('secondary');
    expect(auth06.basis.kind === 'official' && auth06.basis.reference).not.toMatch(/^RIE/);
    expect(auth06.basis.source).toMatch(/secondaires seulement/);
    expect(auth06.unconfirmed?.fr).toMatch(/uniquement sur des sources secondaires/);
    const source = hc.sources.find((s) => s.id === 'services-sensibles-secondary');
    expect(source?.confidence).toBe('secondary');
  });

  it('7 — attribute each fact to its source', () => {
    // HospiConnect's yearly objectives: the community transcription, not the arrêté of 27 January 2026.
    for (const item of hc.items.filter((i) => i.basis.kind === 'official' && /^h2\./.test(i.basis.reference))) {
      expect(item.basis.source, item.id).toMatch(/transcription communautaire/);
      expect(item.basis.source, item.id).not.toMatch(/27 janvier 2026/);
    }
    expect(hc.sources.find((s) => s.id === 'arrete-2026-01-27-hopen2')?.reference).toMatch(/n’y ont pas été lus/);
    // Yearly awareness: the minister's statement, not the ANS FAQ.
    const sens01 = byId(care, 'care.sens.01');
    expect(sens01.basis.source).toMatch(/ministre/);
    expect(sens01.basis.source).not.toMatch(/FAQ/);
    expect(sens01.basis.confidence).toBe('secondary');
    // The password rule and 2FA on remote access are RIE rules.
    expect(byId(care, 'care.ra.01').help.why.fr).toMatch(/règle du RIE/);
    expect(byId(hc, 'hc.auth.02').basis).toMatchObject({ kind: 'official', reference: 'RIE — 1er janvier 2026' });
    // The D1 bis window as published: an arrêté of 30 January 2026, an application window announced for 13 February.
    expect(byId(care, 'care.d1.03').deadline?.label.fr).toMatch(/arrêté publié le 30 janvier 2026/);
    expect(byId(care, 'care.d1.03').deadline?.label.fr).toMatch(/annoncé pour le 13 février 2026/);
  });

  it('8 — present Pro Santé Connect as the federation service that authenticates with CPS or e-CPS, which needs the RPPS', () => {
    const auth06 = byId(hc, 'hc.auth.06');
    expect(auth06.help.meaning.fr).toMatch(/service de fédération d’identité/);
    expect(auth06.help.meaning.fr).toMatch(/avec sa carte CPS ou son e-CPS/);
    expect(auth06.help.meaning.fr).toMatch(/enregistré au RPPS/);
    // Wherever the e-CPS is suggested, its RPPS condition is said.
    for (const q of [hc, esms]) {
      for (const item of q.items.filter((i) => /e-CPS/.test(i.help.meaning.fr))) {
        // hc.gov.06 names RIE v2 activating FIDO keys through the e-CPS; hc.id.06 says who has one: not a suggestion.
        if (item.id === 'hc.gov.06' || item.id === 'hc.id.06') continue;
        expect(item.help.meaning.fr, item.id).toMatch(/RPPS/);
      }
    }
    // Never listed as a means beside the cards.
    expect(allTexts([care, hc, esms])).not.toMatch(/(CPS|e-CPS), Pro Santé Connect/);
  });

  it('9 — give the ESMS path the roadmap’s 2027 two-factor objective, with its deadline', () => {
    const auth03 = byId(esms, 'esms.auth.03');
    expect(auth03.appliesTo).toEqual(['ESMS']);
    expect(auth03.deadline?.date).toBe('2027-12-31');
    expect(auth03.basis).toMatchObject({ kind: 'official', confidence: 'secondary' });
    expect(auth03.help.why.fr).toMatch(/sanitaires et médico-sociaux/);
  });

  it('give d2.06 one date with its source', () => {
    const d206 = byId(care, 'care.d2.06');
    expect(d206.deadline).toMatchObject({ kind: 'due-date', date: D2_PCA_TEST_DATE });
    expect(d206.deadline?.recurrence).toBeUndefined();
    expect(d206.deadline?.label.fr).toMatch(/DSIH/);
    expect(care.sources.some((s) => s.id === 'dsih-5982' && s.confidence === 'secondary')).toBe(true);
  });

  it('cover the missing topics: MSSanté, INS, the RIE patient and legal-entity sides, the roadmap and the 2023 doctrine', () => {
    expect(byId(hc, 'hc.pat.04').question.fr).toMatch(/MSSanté/);
    expect(byId(hc, 'hc.pat.03').question.fr).toMatch(/identité nationale de santé \(INS\)/);
    expect(byId(hc, 'hc.pat.01').deadline?.date).toBe('2022-06-01');
    const substantial = byId(hc, 'hc.pat.02');
    expect(substantial.deadline?.date).toBe('2026-01-01');
    expect(substantial.question.fr).toMatch(/eIDAS «\u202fsubstantiel\u202f»/);
    expect(substantial.help.meaning.fr).toMatch(/portail patient/);
    expect(substantial.help.meaning.fr).toMatch(/non applicable/);
    expect(byId(hc, 'hc.auth.10').question.fr).toMatch(/IGC Santé/);
    for (const q of [care, hc, esms]) {
      const roadmap = q.sources.find((s) => s.id === 'feuille-de-route-2023-2027');
      expect(roadmap?.reference, q.id).toMatch(/4 axes/);
      expect(roadmap?.reference, q.id).toMatch(/65 objectifs/);
      expect(roadmap?.reference, q.id).toMatch(/action 15 de l’axe 4/);
    }
    expect(care.sources.some((s) => s.id === 'doctrine-2023')).toBe(true);
    expect(hc.sources.some((s) => s.id === 'doctrine-2023')).toBe(true);
  });

  it('anchor the ESMS crisis, continuity and steering items on HAS ESSMS criteria 3.14 and 3.15', () => {
    const references = esms.items.flatMap((i) => (i.basis.kind === 'official' ? [i.basis.reference] : []));
    for (const criterion of ['3.14-01', '3.14-02', '3.14-03', '3.15-02']) {
      expect(
        references.some((r) => r.includes(criterion)),
        criterion,
      ).toBe(true);
    }
    expect(byId(esms, 'esms.cri.02').basis).toMatchObject({ kind: 'official', confidence: 'community' });
  });

  it('keep ids and legal references out of the question text, in « pourquoi »', () => {
    const ids = /\b(?:D[12]\.[OP]\d|h2\.20\d\d|TD3\.1|L\.\d{4}|arrêté du)\b/;
    for (const q of [care, hc, esms]) {
      for (const item of q.items) expect(item.question.fr, item.id).not.toMatch(ids);
    }
    expect(byId(hc, 'hc.dmp.03').help.why.fr).toMatch(/TD3\.1/);
  });

  it('rewrite the awkward questions the issue names', () => {
    expect(byId(care, 'care.d1.13').question.fr).not.toMatch(/personnes parties/);
    expect(byId(care, 'care.gov.13').question.fr).not.toMatch(/établissements parties/);
    expect(allTexts(byId(care, 'care.det.03'))).not.toMatch(/sans support/);
    expect(allTexts(byId(care, 'care.det.02'))).not.toMatch(/escalade/);
    expect(byId(care, 'care.d2.16').question.fr).not.toMatch(/phase opérationnelle/);
    expect(byId(care, 'care.res.01').question.fr).not.toMatch(/^De quel temps/);
    expect(byId(hc, 'hc.dmp.03').question.fr).not.toMatch(/TD3\.1|transaction automatique/);
    expect(byId(esms, 'esms.rem.01').question.fr).toMatch(/, doit-il fournir, en plus du mot de passe, un second/);
    // hc.id.09: three questions in one, now three items, each a numbered part of h2.2028.1-2.
    const parts = hc.items
      .filter((i) => i.basis.kind === 'official' && i.basis.reference === 'h2.2028.1-2')
      .map((i) => (i.basis.kind === 'official' ? [i.id, i.basis.part] : []));
    expect(parts).toEqual([
      ['hc.id.09', 1],
      ['hc.id.10', 2],
      ['hc.id.11', 3],
    ]);
    expect(byId(hc, 'hc.id.09').question.fr).not.toMatch(/RPPS|revue/);
    expect(byId(hc, 'hc.id.10').question.fr).toMatch(/RPPS/);
    expect(byId(hc, 'hc.id.11').question.fr).toMatch(/revue/);
  });

  it('are described item by item in docs/sources.md, with each basis and confidence', () => {
    const docs = readFileSync(join(process.cwd(), 'docs/sources.md'), 'utf8');
    const level = { official: 'official text', secondary: 'secondary', community: 'community transcription' };
    for (const q of [care, hc, esms]) {
      for (const item of q.items) {
        const row = docs.split('\n').find((line) => line.startsWith(`| \`${item.id}\``));
        expect(row, item.id).toBeDefined();
        expect(row, item.id).toContain(`| ${item.basis.kind} |`);
        const confidence = item.basis.confidence;
        expect(row, item.id).toContain(confidence === 'unconfirmed' ? 'unconfirmed' : level[confidence]);
      }
    }
  });

  it('speak in one register per questionnaire: the organisation in CaRE and HospiConnect, « vous » in the ESMS path', () => {
    for (const q of [care, hc]) {
      for (const item of q.items)
        expect(item.question.fr, item.id).not.toMatch(/(?<![\p{L}-])(?:vous|vos|votre)(?![\p{L}-])/iu);
    }
    for (const item of esms.items)
      expect(item.question.fr, item.id).not.toMatch(/de l’établissement est-elle désignée/);
  });
});
