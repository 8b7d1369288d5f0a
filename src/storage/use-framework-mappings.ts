import { startTransition, useEffect, useState } from 'react';
import type { Assessment } from '../domain/assessment/assessment';
import type { FrameworkMapping } from '../domain/frameworks/framework-types';
import { latestFrameworkVersion, loadFrameworkMapping } from './framework-catalog';
import { useRepositories } from './use-repositories';

export type MappingState =
  | { status: 'loading' }
  | { status: 'missing'; version: string }
  | {
      status: 'ready';
      mapping: FrameworkMapping;
      /** The newest version this build ships, when newer than the one the assessment reads. */
      newer: string | undefined;
    };

/** The version of a framework's mapping an assessment reads: the one recorded with it, else the newest shipped. */
export function mappingVersionOf(
  assessment: Pick<Assessment, 'frameworkVersions'>,
  framework: string,
): string | undefined {
  return assessment.frameworkVersions?.[framework] ?? latestFrameworkVersion(framework);
}

/**
 * The mappings of some frameworks, each in the version the assessment reads (issue 17, « Versions »): the one recorded
 * on the assessment the first time it was read against it, else the newest shipped, recorded now. An assessment keeps
 * reading its version when a newer one ships, until the user moves it (`moveTo`). The recording is not an answer:
 * it is not shown as a save, and a database opened read-only records nothing (the newest version is then read).
 */
export function useFrameworkMappings(
  assessment: Pick<Assessment, 'id' | 'frameworkVersions'>,
  frameworks: readonly string[],
): { states: ReadonlyMap<string, MappingState>; moveTo: (framework: string, version: string) => Promise<void> } {
  const { assessments } = useRepositories();
  const wanted = frameworks.map((framework) => ({
    framework,
    recorded: assessment.frameworkVersions?.[framework],
    latest: latestFrameworkVersion(framework),
  }));
  const keys = wanted.map((w) => `${w.framework}@${w.recorded ?? w.latest ?? ''}`);
  const key = keys.join('|');
  const toRecord = wanted
    .filter((w) => w.recorded === undefined && w.latest !== undefined)
    .map((w) => `${w.framework}@${w.latest ?? ''}`)
    .join('|');
  const [loaded, setLoaded] = useState<ReadonlyMap<string, FrameworkMapping | null>>(new Map());

  useEffect(() => {
    for (const entry of toRecord ? toRecord.split('|') : []) {
      const at = entry.lastIndexOf('@');
      void assessments.frameworkVersion(assessment.id, entry.slice(0, at), entry.slice(at + 1)).catch(() => undefined);
    }
  }, [assessments, assessment.id, toRecord]);

  useEffect(() => {
    let live = true;
    const missing = (key ? key.split('|') : []).filter((k) => !k.endsWith('@') && !loaded.has(k));
    if (missing.length === 0) return;
    void Promise.all(
      missing.map(async (k) => {
        const at = k.lastIndexOf('@');
        const mapping = await loadFrameworkMapping(k.slice(0, at), k.slice(at + 1)).catch(() => null);
        return [k, mapping] as const;
      }),
    ).then((entries) => {
      if (live) startTransition(() => setLoaded((before) => new Map([...before, ...entries])));
    });
    return () => {
      live = false;
    };
  }, [key, loaded]);

  const states = new Map<string, MappingState>();
  wanted.forEach((w, i) => {
    const k = keys[i] ?? '';
    const version = w.recorded ?? w.latest;
    if (version === undefined) states.set(w.framework, { status: 'missing', version: '' });
    else if (!loaded.has(k)) states.set(w.framework, { status: 'loading' });
    else {
      const mapping = loaded.get(k);
      if (!mapping) states.set(w.framework, { status: 'missing', version });
      else
        states.set(w.framework, {
          status: 'ready',
          mapping,
          newer: w.latest !== undefined && w.latest !== version ? w.latest : undefined,
        });
    }
  });
  const moveTo = async (framework: string, version: string) => {
    await assessments.frameworkVersion(assessment.id, framework, version, { move: true });
  };
  return { states, moveTo };
}
