import type { Layout } from '../pdf/layout';
import { COLORS, MARGIN } from '../pdf/page-geometry';
import type { ContentsSlot } from '../pdf/page-furniture';
import { formatDate, formatNumber, groupHex } from '../report-format';
import type { ReportModel } from '../report-model';
import { drawCompletenessVerdict } from './completeness';
import type { SectionKey } from './report-section';

/**
 * The cover: the establishment, the questionnaire and campaign, the sharing level and fingerprints, what the report
 * holds, and the contents, whose page numbers the final pass writes (src/report/pdf/page-furniture.ts).
 */
export function drawCover(l: Layout, model: ReportModel, contents: readonly SectionKey[]): ContentsSlot[] {
  const { t, language, doc } = l;
  const { meta, completeness } = model;
  const e = meta.establishment;
  l.y = 36;
  l.font('bold', 20, COLORS.accent);
  l.titleLines(t.title, 20);
  l.y += 4;
  l.font('bold', 15);
  l.titleLines(e.name, 15);
  l.y += 4;
  const size = [
    e.beds !== undefined ? t.cover.beds(formatNumber(e.beds, language)) : undefined,
    e.staff !== undefined ? t.cover.staff(formatNumber(e.staff, language)) : undefined,
  ].filter((s): s is string => s !== undefined);
  const rows: [string, string][] = [
    [t.cover.finessEj, e.finessEj],
    ...(e.finessEg ? [[t.cover.finessEg, e.finessEg] as [string, string]] : []),
    [t.cover.category, t.categories[e.category]],
    ...(e.ghtName
      ? [[t.cover.ght, e.isGhtSupport ? `${e.ghtName} (${t.cover.ghtSupport})` : e.ghtName] as [string, string]]
      : []),
    ...(size.length > 0 ? [[t.cover.size, size.join(', ')] as [string, string]] : []),
    [t.cover.questionnaire, `${meta.questionnaire.title} — ${meta.questionnaire.id} ${meta.questionnaire.version}`],
    [t.cover.campaign, String(meta.campaignYear)],
    [t.cover.date, formatDate(meta.asOf, language)],
    [t.cover.author, meta.author ?? t.cover.noAuthor],
    [t.cover.sharingLevel, t.sharingLevels[meta.sharingLevel]],
    ...(meta.fingerprint
      ? [[t.fingerprintSource[meta.fingerprint.source], groupHex(meta.fingerprint.value)] as [string, string]]
      : []),
    ...(meta.keyFingerprint ? [[t.cover.keyFingerprint, groupHex(meta.keyFingerprint)] as [string, string]] : []),
  ];
  l.pairs(rows, 9.5, 58);

  l.y += 2;
  l.caption(t.cover.counts, 11);
  l.y += 1;
  l.paragraph(t.completeness.counts(completeness.counts));
  drawCompletenessVerdict(l, completeness);

  l.y += 2;
  l.caption(t.cover.contents, 11);
  l.y += 1;
  l.font('normal', 9.5);
  const slots: ContentsSlot[] = [];
  for (const key of contents) {
    l.y += l.lineHeight(9.5) + 0.6;
    doc.text(t.sections[key], MARGIN.left + 2, l.y);
    slots.push({ key, y: l.y });
  }
  return slots;
}
