import type { ApplicationRecord } from '../../../domain/applications/application-record';

let counter = 0;

/**
 * An application of the inventory: a sensitive patient record (health data, shared) protected by e-CPS, unless the
 * patch says otherwise. Each call gets its own id and name, so that several in one inventory stay apart.
 */
export function anApplication(patch: Partial<ApplicationRecord> = {}): ApplicationRecord {
  counter += 1;
  return {
    id: `app-${counter}`,
    establishmentId: 'e1',
    name: `Application ${counter}`,
    kind: 'patient-record',
    handlesHealthData: true,
    sharedOrExternal: true,
    authentication: ['e-cps'],
    remoteAccess: false,
    homologation: 'not-required',
    createdAt: 1,
    updatedAt: 1,
    ...patch,
  };
}
