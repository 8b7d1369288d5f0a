// @vitest-environment node
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExportEnvelope, sealExport } from './build-export';
import { serializeExport, zipExport } from './export-file';
import type { ExportAnswer, ExportContent, SharingLevel, UnsealedExportEnvelope } from './export-format';
import { generateSigningKeyPair, webCryptoSigner, type ExportSigner } from './signing';
import type { ExportValidation, ValidateExportOptions } from './validate-export';
import { careQuestionnaire, anExportInput } from '../testing/exchange/export-test-data';
import { sealRaw } from '../testing/exchange/hostile-test-data';
import { validateTestFile } from '../testing/exchange/shipped-questionnaires';

/**
 * One test per refusal of the content checks (docs/export-format.md, "Checks of the content"), each on a file made
 * by the app, changed, then sealed and signed again as a dishonest sender would: the digest and the signature are
 * valid, only the content can tell. Each refusal names its field.
 */

// The fixed input is a CH's CaRE campaign of 2026, exported on 23 November 2026 (export-test-data.ts).
const NOW = Date.parse('2026-11-24T12:00:00Z');

let signer: ExportSigner;
let otherSigner: ExportSigner;
beforeAll(async () => {
  signer = webCryptoSigner(await generateSigningKeyPair());
  otherSigner = webCryptoSigner(await generateSigningKeyPair());
});

type Raw = UnsealedExportEnvelope;

/** The parts of a file's content that a test changes, which the fixed input always has at the level it uses. */
function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the fixed input has no ${what}`);
  return value;
}
const answers = (raw: Raw): Record<string, ExportAnswer> => present(raw.content.answers, 'answers');
const mfa = (raw: Raw) => present(raw.content.mfa, 'MFA counts');
const budget = (raw: Raw): NonNullable<ExportContent['budget']> => present(raw.content.budget, 'budget');
const firstDomain = (raw: Raw) => present(raw.content.scores.domains[0], 'domain');

/** The fixed input's file at a level, changed by `change`, sealed and signed again. */
async function tampered(level: SharingLevel, change: (raw: Raw) => void): Promise<string> {
  const raw = JSON.parse(JSON.stringify(buildExportEnvelope(anExportInput(), level))) as Raw;
  change(raw);
  return JSON.stringify(await sealRaw(raw, signer), null, 2);
}

async function check(data: string | Uint8Array, options: Partial<ValidateExportOptions> = {}) {
  return validateTestFile(data, 'chu.json', { now: NOW, ...options });
}

function refusalOf(result: ExportValidation) {
  return result.ok ? { code: 'accepted' } : { code: result.code, path: result.path };
}

async function refused(level: SharingLevel, change: (raw: Raw) => void) {
  return refusalOf(await check(await tampered(level, change)));
}

describe('still accepted', () => {
  it('the app’s own file at every level, re-indented, with a byte-order mark, or signed by another installation', async () => {
    for (const level of ['full', 'auditor', 'statistics'] as const) {
      const envelope = await sealExport(buildExportEnvelope(anExportInput(), level), otherSigner);
      expect(refusalOf(await check(serializeExport(envelope)))).toEqual({ code: 'accepted' });
      expect(refusalOf(await check(`\ufeff${JSON.stringify(envelope, null, '\t')}`))).toEqual({ code: 'accepted' });
      expect(refusalOf(await check(JSON.stringify(envelope)))).toEqual({ code: 'accepted' });
    }
  });

  it('a file sealed again without any change, by another key', async () => {
    expect(await refused('auditor', () => undefined)).toEqual({ code: 'accepted' });
  });

  it('a file exported up to 24 hours ahead of the auditor’s clock, and an old campaign exported years later', async () => {
    const envelope = await sealExport(buildExportEnvelope(anExportInput(), 'auditor'), signer);
    const justBefore = Date.parse(envelope.exportedAt) - 23 * 3600 * 1000;
    expect(refusalOf(await check(serializeExport(envelope), { now: justBefore }))).toEqual({ code: 'accepted' });
    const later = buildExportEnvelope(anExportInput({ exportedAt: '2029-03-01T08:00:00.000Z' }), 'auditor');
    const file = serializeExport(await sealExport(later, signer));
    expect(refusalOf(await check(file, { now: Date.parse('2029-03-02T00:00:00Z') }))).toEqual({ code: 'accepted' });
  });

  it('lists nothing as declared at the full and auditor levels, the scores, ratios and MFA counts at statistics', async () => {
    for (const [level, declared] of [
      ['full', []],
      ['auditor', []],
      ['statistics', ['scores', 'budget-ratios', 'mfa']],
    ] as const) {
      const result = await check(await tampered(level, () => undefined));
      expect(result.ok && result.declaredFigures).toEqual(declared);
    }
  });
});

describe('refused against its questionnaire', () => {
  it('a questionnaire this build does not ship', async () => {
    expect(
      await refused('auditor', (raw) => {
        raw.content.questionnaire.id = 'nis2';
      }),
    ).toEqual({ code: 'unknown-questionnaire', path: 'content.questionnaire.id' });
    expect(
      await refused('auditor', (raw) => {
        raw.content.questionnaire.version = '2025.1';
      }),
    ).toEqual({ code: 'unknown-questionnaire', path: 'content.questionnaire.version' });
  });

  it('a newer version of the questionnaire: update the application', async () => {
    expect(
      await refused('statistics', (raw) => {
        raw.content.questionnaire.version = '2027.1';
      }),
    ).toEqual({ code: 'newer-questionnaire', path: 'content.questionnaire.version' });
  });

  it('a content hash that matches no shipped content', async () => {
    expect(
      await refused('auditor', (raw) => {
        raw.content.questionnaire.contentHash = 'f'.repeat(64);
      }),
    ).toEqual({ code: 'questionnaire-mismatch', path: 'content.questionnaire.contentHash' });
  });

  it('an answer to an item the questionnaire does not have', async () => {
    expect(
      await refused('auditor', (raw) => {
        answers(raw)['care.gov.99'] = { response: { kind: 'status', value: 'yes' } };
      }),
    ).toEqual({ code: 'unknown-item', path: 'content.answers["care.gov.99"]' });
  });

  it('an answer to an item that does not apply to the establishment (a GHT item from a CH that is not its support)', async () => {
    const ghtOnly = careQuestionnaire.items.find((item) => !item.appliesTo.includes('ES'));
    expect(ghtOnly).toBeDefined();
    const id = ghtOnly?.id ?? '';
    expect(
      await refused('auditor', (raw) => {
        answers(raw)[id] = { response: { kind: 'unknown' } };
      }),
    ).toEqual({ code: 'item-not-applicable', path: `content.answers["${id}"]` });
  });

  it('a number given to a yes/no item', async () => {
    expect(
      await refused('auditor', (raw) => {
        answers(raw)['care.gov.01'] = { response: { kind: 'number', value: 1 } };
      }),
    ).toEqual({ code: 'answer-type', path: 'content.answers["care.gov.01"].response.kind' });
  });

  it('a choice that is not one of the item’s options', async () => {
    expect(
      await refused('auditor', (raw) => {
        answers(raw)['care.res.01'] = { response: { kind: 'choice', value: 'outsourced' } };
      }),
    ).toEqual({ code: 'unknown-choice', path: 'content.answers["care.res.01"].response.value' });
  });

  it('a percentage over 100, a negative count, an ADS level over 5, a date after the export or before 2000', async () => {
    const cases: [string, ExportAnswer['response']][] = [
      ['care.d2.05', { kind: 'number', value: 150 }],
      ['care.d1.04', { kind: 'number', value: -3 }],
      ['care.d1.08', { kind: 'number', value: 6 }],
      ['care.d1.02', { kind: 'date', value: '2027-01-01' }],
      ['care.d1.02', { kind: 'date', value: '1999-12-31' }],
    ];
    for (const [id, response] of cases) {
      expect(
        await refused('auditor', (raw) => {
          answers(raw)[id] = { response };
        }),
      ).toEqual({ code: 'out-of-range', path: `content.answers["${id}"].response.value` });
    }
  });

  it('at the full level, a "not applicable" without its justification', async () => {
    expect(
      await refused('full', (raw) => {
        const response = answers(raw)['care.gov.03']?.response;
        if (response?.kind === 'not-applicable') delete response.justification;
      }),
    ).toEqual({ code: 'justification-missing', path: 'content.answers["care.gov.03"].response.justification' });
  });
});

describe('refused when a figure differs from its recomputation, the figure named', () => {
  it('the overall score raised to 100 while the answers stay the same', async () => {
    expect(
      await refused('auditor', (raw) => {
        raw.content.scores.overall.score = 100;
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.scores.overall.score' });
  });

  it('a domain’s score, completeness or count', async () => {
    for (const field of ['score', 'completeness', 'answered', 'applicable', 'unknown', 'notApplicable'] as const) {
      expect(
        await refused('full', (raw) => {
          const domain = firstDomain(raw);
          if (field === 'score') domain.score = 99.5;
          else if (field === 'completeness') domain.completeness = 1;
          else domain[field] += 1;
        }),
      ).toEqual({ code: 'figure-mismatch', path: `content.scores.domains[0].${field}` });
    }
  });

  it('a domain left out', async () => {
    expect(
      await refused('auditor', (raw) => {
        raw.content.scores.domains.pop();
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.scores.domains' });
  });

  it('the critical gaps emptied, or one added', async () => {
    expect(
      await refused('auditor', (raw) => {
        expect(raw.content.criticalGaps?.length).toBeGreaterThan(0);
        raw.content.criticalGaps = [];
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.criticalGaps' });
    expect(
      await refused('auditor', (raw) => {
        raw.content.criticalGaps?.unshift('care.gov.01');
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.criticalGaps[0]' });
  });

  it('a budget ratio that contradicts the budget’s own figures', async () => {
    expect(
      await refused('auditor', (raw) => {
        budget(raw).ratios.cyberShareOfIt = 0.12;
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.budget.ratios.cyberShareOfIt' });
    expect(
      await refused('full', (raw) => {
        present(budget(raw).inputs, 'budget figures').cyberOperating = 400_000;
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.budget.ratios.cyberShareOfIt' });
  });

  it('MFA counts that the application inventory does not give', async () => {
    expect(
      await refused('auditor', (raw) => {
        mfa(raw).compliantCount = mfa(raw).sensitiveCount + 1;
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.mfa.compliantCount' });
    expect(
      await refused('auditor', (raw) => {
        delete raw.content.mfa;
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.mfa' });
  });

  it('at the auditor level, budget ratios without their figures', async () => {
    expect(
      await refused('auditor', (raw) => {
        delete budget(raw).inputs;
      }),
    ).toEqual({ code: 'invalid', path: 'content.budget.inputs' });
  });
});

describe('refused at the statistics level when declared figures contradict each other', () => {
  it('counts of applicable items that the questionnaire and the profile do not give', async () => {
    expect(
      await refused('statistics', (raw) => {
        raw.content.scores.overall.applicable += 1;
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.scores.overall.applicable' });
  });

  it('a completeness that is not answered / applicable', async () => {
    expect(
      await refused('statistics', (raw) => {
        raw.content.scores.overall.completeness = 1;
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.scores.overall.completeness' });
  });

  it('more items answered than apply, or domains that do not add up', async () => {
    expect(
      await refused('statistics', (raw) => {
        firstDomain(raw).answered = firstDomain(raw).applicable + 1;
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.scores.domains[0].answered' });
    expect(
      await refused('statistics', (raw) => {
        const overall = raw.content.scores.overall;
        overall.answered -= 1;
        overall.completeness = overall.answered / overall.applicable;
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.scores.overall.answered' });
  });

  it('an overall score outside the range of the domains’ scores', async () => {
    expect(
      await refused('statistics', (raw) => {
        raw.content.scores.overall.score = 100;
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.scores.overall.score' });
  });

  it('more compliant applications than sensitive ones, more two-factor users than users', async () => {
    expect(
      await refused('statistics', (raw) => {
        mfa(raw).compliantCount = mfa(raw).sensitiveCount + 1;
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.mfa.compliantCount' });
    expect(
      await refused('statistics', (raw) => {
        mfa(raw).usersWithTwoFactors = mfa(raw).users + 1;
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.mfa.usersWithTwoFactors' });
  });

  it('a net cyber share above the gross one', async () => {
    expect(
      await refused('statistics', (raw) => {
        budget(raw).ratios.cyberShareNet = 0.5;
        budget(raw).ratios.cyberShareTotal = 0.1;
      }),
    ).toEqual({ code: 'figure-mismatch', path: 'content.budget.ratios.cyberShareNet' });
  });
});

describe('refused for its dates', () => {
  it('an export dated more than 24 hours after now (here 2099)', async () => {
    expect(
      await refused('statistics', (raw) => {
        raw.exportedAt = '2099-01-01T00:00:00.000Z';
        raw.content.scores.asOf = '2099-01-01';
      }),
    ).toEqual({ code: 'future-date', path: 'exportedAt' });
    const envelope = await sealExport(buildExportEnvelope(anExportInput(), 'auditor'), signer);
    const dayBefore = Date.parse(envelope.exportedAt) - 25 * 3600 * 1000;
    expect(refusalOf(await check(serializeExport(envelope), { now: dayBefore }))).toEqual({
      code: 'future-date',
      path: 'exportedAt',
    });
  });

  it('scores dated another day than the export', async () => {
    expect(
      await refused('auditor', (raw) => {
        raw.content.scores.asOf = '2026-01-15';
      }),
    ).toEqual({ code: 'dates-disagree', path: 'content.scores.asOf' });
  });

  it('a campaign later than the year after the export', async () => {
    expect(
      await refused('statistics', (raw) => {
        raw.content.campaignYear = 2028;
      }),
    ).toEqual({ code: 'dates-disagree', path: 'content.campaignYear' });
  });

  it('a budget of a year after the campaign', async () => {
    expect(
      await refused('statistics', (raw) => {
        budget(raw).year = 2027;
      }),
    ).toEqual({ code: 'dates-disagree', path: 'content.budget.year' });
  });
});

describe('refused for its zip entries', () => {
  async function zipWith(extra: Record<string, Uint8Array>) {
    const envelope = await sealExport(buildExportEnvelope(anExportInput({ evidence: [] }), 'full'), signer);
    return zipSync({ 'export.json': strToU8(serializeExport(envelope)), ...extra });
  }

  it('an entry that is neither export.json nor an evidence file', async () => {
    expect(refusalOf(await check(await zipWith({ 'readme.txt': strToU8('hello') })))).toEqual({
      code: 'zip-entry',
      path: 'readme.txt',
    });
  });

  it('a name with "..", an absolute path or a backslash', async () => {
    for (const name of ['evidence/../../etc/passwd', '/evidence/a.pdf', 'C:/evidence/a.pdf', 'evidence\\a.pdf']) {
      expect(refusalOf(await check(await zipWith({ [name]: strToU8('x') })))).toEqual({
        code: 'zip-entry',
        path: name,
      });
    }
  });

  it('the same name twice', async () => {
    const zip = await zipWith({ 'evidence/a/b.pdf': strToU8('one'), 'evidence/a/c.pdf': strToU8('two') });
    // Renamed in the local headers and the central directory alike: the zip then holds evidence/a/b.pdf twice.
    const text = new TextDecoder('latin1').decode(zip);
    const bytes = zip.slice();
    for (let at = text.indexOf('evidence/a/c.pdf'); at !== -1; at = text.indexOf('evidence/a/c.pdf', at + 1))
      bytes[at + 'evidence/a/'.length] = 'b'.charCodeAt(0);
    expect(refusalOf(await check(bytes))).toEqual({ code: 'zip-entry', path: 'evidence/a/b.pdf' });
  });

  it('accepts folder entries under evidence/, as archivers write them', async () => {
    const bytes = strToU8('%PDF-1.7 proof');
    const sha256 = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)))
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
    const evidence = [{ itemId: 'care.gov.01', name: 'proof.pdf', size: bytes.length, sha256 }];
    const envelope = await sealExport(buildExportEnvelope(anExportInput({ evidence }), 'full'), signer);
    const zip = zipExport(envelope, [{ itemId: 'care.gov.01', name: 'proof.pdf', bytes }]);
    expect(refusalOf(await check(zip))).toEqual({ code: 'accepted' });
    const withFolders = zipSync({
      'export.json': strToU8(serializeExport(envelope)),
      'evidence/': new Uint8Array(0),
      'evidence/care.gov.01/': new Uint8Array(0),
      'evidence/care.gov.01/proof.pdf': bytes,
    });
    expect(refusalOf(await check(withFolders))).toEqual({ code: 'accepted' });
  });
});

describe('refused for its strings', () => {
  it('a lone surrogate anywhere in the file (I-JSON)', async () => {
    expect(
      await refused('auditor', (raw) => {
        raw.establishment.name = 'CH de Montargis \ud800';
      }),
    ).toEqual({ code: 'lone-surrogate', path: 'establishment.name' });
    expect(
      await refused('full', (raw) => {
        present(answers(raw)['care.gov.01'], 'answer').comment = '\udc00 tail';
      }),
    ).toEqual({ code: 'lone-surrogate', path: 'content.answers["care.gov.01"].comment' });
  });
});
