import frAssessment from './fr/assessment.json';
import frAssessments from './fr/assessments.json';
import frCommon from './fr/common.json';
import frErrors from './fr/errors.json';
import frEstablishments from './fr/establishments.json';
import frHome from './fr/home.json';
import frSettings from './fr/settings.json';
import enAssessment from './en/assessment.json';
import enAssessments from './en/assessments.json';
import enCommon from './en/common.json';
import enErrors from './en/errors.json';
import enEstablishments from './en/establishments.json';
import enHome from './en/home.json';
import enSettings from './en/settings.json';

/** French is the reference locale: its shape types every key (design §7), and English must have the same shape. */
export const fr = {
  common: frCommon,
  home: frHome,
  establishments: frEstablishments,
  assessments: frAssessments,
  assessment: frAssessment,
  settings: frSettings,
  errors: frErrors,
};

type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

export const en: SameShape<typeof fr> = {
  common: enCommon,
  home: enHome,
  establishments: enEstablishments,
  assessments: enAssessments,
  assessment: enAssessment,
  settings: enSettings,
  errors: enErrors,
};
