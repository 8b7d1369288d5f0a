import type { ExportErrorCode } from './export-error';

/**
 * Why the content of a sealed, well-formed file is refused: the code, the field as a path of names and indices
 * (validate-export.ts writes it `content.answers["care.gov.01"].response.value`), and a technical detail for the
 * command line and support (what the file says, what was expected or recomputed).
 */
export interface ContentRefusal {
  code: ExportErrorCode;
  path: (string | number)[];
  detail?: string;
}
