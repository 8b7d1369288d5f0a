import { bytesToBase64, FONT_FILES, type ReportFontLoader, type ReportFonts } from './report-fonts';

/**
 * The browser's font loader: the subset fonts from the app's own origin (public/fonts/, precached by the service
 * worker, so generating a report works offline and fetches nothing from elsewhere: design principle 1). Loaded once
 * per page.
 */
let loading: Promise<ReportFonts> | undefined;

async function fetchBase64(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`font ${path}: HTTP ${response.status}`);
  return bytesToBase64(new Uint8Array(await response.arrayBuffer()));
}

export const browserFontLoader: ReportFontLoader = () => {
  loading ??= Promise.all([fetchBase64(`/fonts/${FONT_FILES.regular}`), fetchBase64(`/fonts/${FONT_FILES.bold}`)]).then(
    ([regular, bold]) => ({ regular, bold }),
  );
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
};
