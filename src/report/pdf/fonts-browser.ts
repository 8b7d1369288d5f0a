import { fetchInflated } from '../../domain/gzip';
import { bytesToBase64, FONT_FILES, STORED_FONT_SUFFIX, type ReportFontLoader, type ReportFonts } from './report-fonts';

/**
 * The browser's font loader: the subset fonts from the app's own origin (public/fonts/, stored gzip-compressed and
 * precached by the service worker, so generating a report works offline and fetches nothing from elsewhere: design
 * principle 1). Loaded once per page.
 */
let loading: Promise<ReportFonts> | undefined;

async function fetchBase64(file: string): Promise<string> {
  return bytesToBase64(await fetchInflated(`/fonts/${file}${STORED_FONT_SUFFIX}`));
}

export const browserFontLoader: ReportFontLoader = () => {
  loading ??= Promise.all([fetchBase64(FONT_FILES.regular), fetchBase64(FONT_FILES.bold)]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
};
