import type { BudgetInputs } from '../budget/budget-record';
import type { EstablishmentCategory, Sector } from '../establishment/establishment';

/**
 * What the consolidation reads from one validated export file. The domain does not depend on the exchange layer
 * (design §5): this is the subset of the export envelope it needs, written structurally, so that a validated
 * envelope can be passed as it is. Anything a sharing level may leave out is optional here.
 */
export interface SubmissionInput {
  exportedAt: string;
  sharingLevel: string;
  /**
   * The groups of figures the file declares without the content to recompute them, when the validation says so;
   * absent, they are read from the sharing level (figuresAreDeclared).
   */
  declaredFigures?: readonly unknown[] | undefined;
  establishment: {
    finessEj: string;
    finessEg?: string | undefined;
    name: string;
    category: EstablishmentCategory;
    sector: Sector;
    department: string;
    ghtName?: string | undefined;
    isGhtSupport: boolean;
    beds?: number | undefined;
    staff?: number | undefined;
  };
  content: {
    questionnaire: { id: string; version: string };
    campaignYear: number;
    scores: {
      asOf: string;
      overall: {
        score?: number | undefined;
        completeness?: number | undefined;
        answered: number;
        applicable: number;
        unknown: number;
        notApplicable: number;
      };
      domains: readonly { domainId: string; score?: number | undefined; completeness?: number | undefined }[];
    };
    /** Ids of the critical items that are not fully met. */
    criticalGaps?: readonly string[] | undefined;
    budget?:
      | {
          year: number;
          inputs?: BudgetInputs | undefined;
          ratios?: SubmittedBudgetRatios | undefined;
        }
      | undefined;
    mfa?: SubmittedMfa | undefined;
  };
  integrity?: { digest: string } | undefined;
}

/** The two ratios the dashboard plots, as fractions; files at the "statistics" level may carry only these. */
export interface SubmittedBudgetRatios {
  itShareOfOperating?: number | undefined;
  cyberShareOfIt?: number | undefined;
}

export interface SubmittedMfa {
  sensitiveCount: number;
  compliantCount: number;
  users: number;
  usersWithTwoFactors: number;
}
