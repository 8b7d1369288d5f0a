import { describe, expect, it } from 'vitest';
import './zod-jitless';
import { config } from 'zod/v4/core';

describe('zod-jitless', () => {
  it('turns off zod’s compiled parsers through zod’s own configuration', () => {
    expect(config().jitless).toBe(true);
  });
});
