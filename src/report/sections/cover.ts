import type { Layout } from '../pdf/layout';
import { COLORS, MARGIN } from '../pdf/page-geometry';
import type { ContentsSlot } from '../pdf/page-furniture';
import { formatDate, formatDateTime, formatNumber } from '../../texts/format';
import type { ReportModel } from '../report-model';
import { drawCompletenessVerdict } from './completeness';
import type { SectionKey } from './report-section';

/**
 * The cover: the establishment, the questionnaire and campaign, the sharing level, what the report holds, and the
 * contents, whose page numbers the final pass writes (src/report/pdf/page-furniture.ts). The fingerprints are on the
 * last page, with what they are for (fingerprint-note.ts).
 */
export function drawCover(l: Layout, model: ReportModel, contents: readonly SectionKey[]): ContentsSlot[] {
  const { t, language, doc } = l;
  const { meta, completeness } = model;
  const e = meta.establishment;
  l.y = 36;
  l.font('bold', 20, COLORS.accent);
  l.titleLines(t('report.title'), 20);
  l.y += 4;
  l.font('bold', 15);
  l.titleLines(e.name, 15);
  l.y += 4;
  if (meta.snapshot) {
    // A snapshot's report says so first: its answers are those frozen then, not the assessment's today (issue 18).
    l.font('bold', 11.5, COLORS.accent);
    l.titleLines(
      t('report.cover.snapshot', {
        date: formatDateTime(meta.snapshot.frozenAt, language),
        name: meta.snapshot.name,
      }),
      11.5,
    );
    l.y += 3;
  }
  const size = [
    e.beds !== undefined ? t('report.cover.beds', { n: formatNumber(e.beds, language, 2) }) : undefined,
    e.staff !== undefined ? t('report.cover.staff', { n: formatNumber(e.staff, language, 2) }) : undefined,
  ].filter((s): s is string => s !== undefined);
  const rows: [string, string][] = [
    [t('report.cover.finessEj'), e.finessEj],
    ...(e.finessEg ? [[t('report.cover.finessEg'), e.finessEg] as [string, string]] : []),
    [t('report.cover.category'), t(`report.categories.${e.category}`)],
    ...(e.ghtName
      ? [
          [t('report.cover.ght'), e.isGhtSupport ? `${e.ghtName} (${t('report.cover.ghtSupport')})` : e.ghtName] as [
            string,
            string,
          ],
        ]
      : []),
    ...(size.length > 0 ? [[t('report.cover.size'), size.join(', ')] as [string, string]] : []),
    [
      t('report.cover.questionnaire'),
      `${meta.questionnaire.title} — ${meta.questionnaire.id} ${meta.questionnaire.version}`,
    ],
    [t('report.cover.campaign'), String(meta.campaignYear)],
    [t('report.cover.date'), formatDate(meta.asOf, language)],
    [t('report.cover.author'), meta.author ?? t('report.cover.noAuthor')],
    [t('report.cover.sharingLevel'), t(`report.sharingLevels.${meta.sharingLevel}`)],
  ];
  l.pairs(rows, 9.5, 58);

  l.y += 2;
  l.caption(t('report.cover.counts'), 11);
  l.y += 1;
  l.paragraph(t('report.completeness.counts', completeness.counts));
  drawCompletenessVerdict(l, completeness);

  l.y += 2;
  l.caption(t('report.cover.contents'), 11);
  l.y += 1;
  l.font('normal', 9.5);
  const slots: ContentsSlot[] = [];
  for (const key of contents) {
    l.y += l.lineHeight(9.5) + 0.6;
    doc.text(t(`report.sections.${key}`), MARGIN.left + 2, l.y);
    slots.push({ key, y: l.y });
  }
  return slots;
}
