import { describe, expect, it } from 'vitest';
import {
  FrameworkMappingUnavailableError,
  latestFrameworkVersion,
  listFrameworkMappings,
  loadFrameworkMapping,
} from './framework-catalog';

describe('the framework catalog', () => {
  it('lists the shipped mappings and their newest versions', () => {
    expect(listFrameworkMappings()).toEqual(expect.arrayContaining([{ framework: 'has-essms', version: '2022' }]));
    expect(latestFrameworkVersion('has-essms')).toBe('2022');
    expect(latestFrameworkVersion('nowhere')).toBeUndefined();
  });

  it('loads and checks a mapping once, and refuses one it does not ship', async () => {
    const mapping = await loadFrameworkMapping('has-essms', '2022');
    expect(mapping.framework).toBe('has-essms');
    expect(await loadFrameworkMapping('has-essms', '2022')).toBe(mapping);
    await expect(loadFrameworkMapping('has-essms', '1999')).rejects.toBeInstanceOf(FrameworkMappingUnavailableError);
  });
});
