import type { ReportModel } from '../report-model';
import { renderReportPdf, type RenderedReport } from './render-report';
import type { ReportFontLoader } from './report-fonts';

/**
 * The entry point of the PDF module. The app imports it dynamically, when the user asks for a report, so that jsPDF
 * (about 350 KB) is not part of the first screen (design §8); the command line and the tests import it directly.
 */
export async function generateReportPdf(model: ReportModel, loadFonts: ReportFontLoader): Promise<RenderedReport> {
  return renderReportPdf(model, await loadFonts());
}

export type { RenderedReport };
