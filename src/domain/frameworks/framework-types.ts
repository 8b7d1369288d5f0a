import type { LocalizedText } from '../localized-text';
import type { Confidence } from '../questionnaire/questionnaire-schema';

/** The establishment's NIS2 status (src/domain/establishment/establishment.ts), which selects ReCyF's measures. */
export type { Nis2Status } from '../establishment/establishment';

/*
 * The shape of a framework mapping (questionnaires/mappings/<framework>/<version>.json): the measures of another
 * framework (ANSSI's ReCyF for NIS2, the ANSSI hygiene guide, the HAS ESSMS criteria) and, for each, the questionnaire
 * items that contribute to it (docs/frameworks.md). Plain types without zod, so that a screen or a report that only
 * reads a mapping the build already checked loads no validation code (design §8); framework-mapping-schema.ts
 * checks a file against them.
 */

/** ReCyF's tags: a measure applies to essential entities (EE), to important ones (EI), or to both. */
export const nis2EntityTags = ['EE', 'EI'] as const;
export type Nis2EntityTag = (typeof nis2EntityTags)[number];

/** The hygiene guide's two levels: « standard » (every entity) and « renforcé » (entities wanting more). */
export const hygieneLevels = ['standard', 'reinforced'] as const;
export type HygieneLevel = (typeof hygieneLevels)[number];

/**
 * How far a questionnaire item answers a measure, as the project proposes (never an official correspondence):
 * - `covers`: the item asks what the measure requires; a full answer to the item meets the measure;
 * - `partial`: the item answers part of the measure (one of its elements, a narrower scope);
 * - `related`: the item touches the same subject without answering it; shown to the reader, never counted.
 */
export const linkStrengths = ['covers', 'partial', 'related'] as const;
export type LinkStrength = (typeof linkStrengths)[number];

export interface MeasureLink {
  /** The item id, as in the questionnaire versions the mapping names (item ids are stable and never reused). */
  item: string;
  strength: LinkStrength;
  /** Why the item answers (or only touches) the measure, in one short sentence. */
  reason: LocalizedText;
}

export interface FrameworkMeasure {
  /** The id the framework publishes (1.1, 2.A.1, 8.3 in ReCyF; 1 to 42 in the hygiene guide; 3.14-01 at the HAS). */
  id: string;
  /** The group (objective, sub-objective, section, criterion's theme) it belongs to. */
  group: string;
  /** Official wording or the project's summary of it, as `FrameworkMapping.measureTitles` says. */
  title: LocalizedText;
  /** ReCyF: the kinds of entities the measure applies to. */
  entities?: Nis2EntityTag[];
  /** Hygiene guide: the levels the measure has a part in (« standard », « renforcé » or both). */
  levels?: HygieneLevel[];
  /** HAS: a « critère impératif », which the evaluation treats as blocking. */
  imperative?: boolean;
  /** The items that contribute; empty when no questionnaire asks about the measure. */
  links: MeasureLink[];
  /** Set exactly when no link counts (no `covers` or `partial` link): why the questionnaires do not cover it. */
  notCovered?: LocalizedText;
}

export interface FrameworkGroup {
  id: string;
  /** The official title, verbatim in French (an English translation by the project). */
  title: LocalizedText;
  /** The enclosing group (ReCyF's objective 2 holds 2.A, 2.B and 2.C). */
  parent?: string;
}

export interface FrameworkSource {
  title: string;
  publisher: string;
  version: string;
  /** The date of the text as its publisher gives it: an ISO date, or a year and month (2017-09) when no day is given. */
  date: string;
  /** Where the project read it (a page, a repository path with its commit); shown as text, never fetched. */
  reference: string;
  confidence: Confidence;
  /** What the reader should know about the source: a transcription, an unconfirmed year, a draft. */
  note?: LocalizedText;
}

export interface FrameworkMapping {
  $schema?: string;
  /** Kebab-case id, the folder name: recyf, anssi-hygiene, has-essms. */
  framework: string;
  /** The framework's own version, the file name: 2.5, 2017, 2022. */
  version: string;
  title: LocalizedText;
  /** A few words for narrow places (a tab, a CSV column). */
  shortTitle: LocalizedText;
  source: FrameworkSource;
  /** Whether the measures' titles are the official wording or the project's own summaries (groups are official). */
  measureTitles: 'official' | 'summary';
  /** « Correspondance proposée par le projet, non officielle » and what it means for this framework. */
  disclaimer: LocalizedText;
  /** The questionnaire versions the links were written against. */
  questionnaires: { id: string; version: string }[];
  groups: FrameworkGroup[];
  measures: FrameworkMeasure[];
}
