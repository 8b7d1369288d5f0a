import { actionsSection } from './sections/actions';
import { annexSection } from './sections/annex';
import { applicationsSection } from './sections/applications';
import { budgetSection } from './sections/budget';
import { completenessSection } from './sections/completeness';
import { domainsSection } from './sections/domains';
import { evidenceRenewalSection } from './sections/evidence-renewal';
import { frameworksSection } from './sections/frameworks';
import { gapsSection } from './sections/gaps';
import { methodSection } from './sections/method';
import { providerQuestionsSection } from './sections/provider-questions';
import { reviewSection } from './sections/review';
import { sourcesSection } from './sections/sources';
import { summarySection } from './sections/summary';

/**
 * The sections of the gap-analysis report, in the order the PDF prints them and its contents list them (the cover,
 * src/report/sections/cover.ts, comes first). Each builds its own part of the report model (`model[key]`) and draws
 * it; adding a section is a file in src/report/sections/ plus its line here, and its heading in the texts.
 */
export const reportSections = [
  completenessSection,
  summarySection,
  domainsSection,
  gapsSection,
  evidenceRenewalSection,
  reviewSection,
  actionsSection,
  budgetSection,
  applicationsSection,
  providerQuestionsSection,
  annexSection,
  frameworksSection,
  methodSection,
  sourcesSection,
] as const;
