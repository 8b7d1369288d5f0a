// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en, fr } from '../src/texts/locales';
import { gatherLocaleTexts } from './vite-compressed-json';

describe('the texts of the screens stored as one compressed file in the build', () => {
  it('holds exactly what src/texts/locales/index.ts exports, in both languages', () => {
    const folder = fileURLToPath(new URL('../src/texts/locales', import.meta.url));
    expect(gatherLocaleTexts(folder)).toEqual({ fr, en });
  });
});
