import { useEffect, useMemo, useState } from 'react';
import { AssessmentRepository } from './assessment-repository';
import { EstablishmentRepository } from './establishment-repository';
import { MetaRepository } from './meta-repository';
import { loadLatestQuestionnaires, loadQuestionnaire, type LoadedQuestionnaire } from './questionnaire-catalog';

import { useDatabase } from './use-database';

/** React access to the repositories: features use these hooks and never Dexie itself. */

export interface Repositories {
  establishments: EstablishmentRepository;
  assessments: AssessmentRepository;
  meta: MetaRepository;
}

export function useRepositories(): Repositories {
  const db = useDatabase();
  return useMemo(
    () => ({
      establishments: new EstablishmentRepository(db),
      assessments: new AssessmentRepository(db),
      meta: new MetaRepository(db),
    }),
    [db],
  );
}

export type AsyncState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

function usePromise<T>(factory: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    factory().then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists the inputs of its factory
  }, deps);
  return state;
}

export function useQuestionnaire(id: string | undefined, version: string | undefined): AsyncState<LoadedQuestionnaire> {
  return usePromise(
    () => (id && version ? loadQuestionnaire(id, version) : Promise.reject(new Error('no questionnaire'))),
    [id, version],
  );
}

export function useLatestQuestionnaires(): AsyncState<LoadedQuestionnaire[]> {
  return usePromise(loadLatestQuestionnaires, []);
}
