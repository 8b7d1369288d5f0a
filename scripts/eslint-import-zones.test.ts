// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Design §5: the domain is pure TypeScript, only src/storage talks to Dexie, each layer imports only the layers
 * below it, and production code never imports the test support of src/testing. eslint.config.js enforces the first
 * two with `no-restricted-imports`, whose options ESLint takes from the last block matching a file (a later block
 * for all of src/ once silently replaced the domain's), the other two with the zones of
 * `import-x/no-restricted-paths`. Each snippet below is linted with the project's own configuration, as if it were a
 * file at the given path, and the rule must fire, or stay quiet, with the expected message.
 */

const probes = {
  domain: 'src/domain/lint-probe.ts',
  feature: 'src/features/results/lint-probe.tsx',
  storage: 'src/storage/lint-probe.ts',
  component: 'src/components/lint-probe.tsx',
  i18n: 'src/i18n/lint-probe.ts',
  featureTest: 'src/features/results/lint-probe.test.tsx',
};
// The type-aware parser's project service reads only files on disk: the snippets' (virtual) paths are declared to it,
// with the project's own tsconfig. The rules are those of eslint.config.js, untouched.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: Object.values(probes), defaultProject: 'tsconfig.json' },
      },
    },
  },
});

/** The messages of one rule on the code, linted as the file at `filePath`. */
async function messagesOf(rule: string, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}
const restrictedImportsOn = (filePath: string, code: string) => messagesOf('no-restricted-imports', filePath, code);
const zoneMessagesOn = (filePath: string, code: string) => messagesOf('import-x/no-restricted-paths', filePath, code);

const pure = 'src/domain is pure TypeScript';
const dexieOnlyInStorage = 'Only src/storage imports Dexie.';

const forbiddenInDomain: [string, string, string][] = [
  ['React', "import { useState } from 'react';\nexport const hook = useState;\n", pure],
  ['react-dom', "import { createPortal } from 'react-dom';\nexport const portal = createPortal;\n", pure],
  ['i18next', "import i18next from 'i18next';\nexport const t = i18next.t;\n", pure],
  [
    'react-i18next',
    "import { useTranslation } from 'react-i18next';\nexport const translation = useTranslation;\n",
    pure,
  ],
  ['jsPDF', "import { jsPDF } from 'jspdf';\nexport const pdf = jsPDF;\n", pure],
  ['jspdf-autotable', "import autoTable from 'jspdf-autotable';\nexport const table = autoTable;\n", pure],
  ['Dexie', "import { Dexie } from 'dexie';\nexport const database = Dexie;\n", dexieOnlyInStorage],
  ["Dexie's live queries", "import { liveQuery } from 'dexie';\nexport const live = liveQuery;\n", dexieOnlyInStorage],
];

describe('the lint configuration keeps the domain pure and Dexie inside src/storage', () => {
  for (const [what, code, message] of forbiddenInDomain) {
    it(`refuses ${what} imported into src/domain`, async () => {
      const messages = await restrictedImportsOn(probes.domain, code);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain(message);
    });
  }

  it('lets the domain import what it may (zod, another domain module)', async () => {
    const code =
      "import { z } from 'zod';\nimport { sha256Hex } from './hash';\nexport const schema = z.string();\n" +
      'export const hash = sha256Hex;\n';
    expect(await restrictedImportsOn(probes.domain, code)).toEqual([]);
  });

  it('refuses Dexie outside src/storage', async () => {
    const messages = await restrictedImportsOn(
      probes.feature,
      "import { liveQuery } from 'dexie';\nexport const live = liveQuery;\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(dexieOnlyInStorage);
  });

  it("refuses the data router's hooks in a screen, which would throw under the app's declared routes", async () => {
    const messages = await restrictedImportsOn(
      probes.feature,
      "import { useBlocker } from 'react-router';\nexport const block = useBlocker;\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('The app has no data router');
    expect(
      await restrictedImportsOn(
        probes.feature,
        "import { useParams } from 'react-router';\nexport const p = useParams;\n",
      ),
    ).toEqual([]);
  });

  it('lets src/storage import Dexie, and a feature import React', async () => {
    expect(
      await restrictedImportsOn(probes.storage, "import { Dexie } from 'dexie';\nexport const database = Dexie;\n"),
    ).toEqual([]);
    expect(
      await restrictedImportsOn(probes.feature, "import { useState } from 'react';\nexport const hook = useState;\n"),
    ).toEqual([]);
  });

  it('refuses the domain importing storage, components importing storage, i18n importing the report or storage', async () => {
    const [domain] = await zoneMessagesOn(
      probes.domain,
      "import { StorageError } from '../storage/storage-error';\nexport const error = StorageError;\n",
    );
    expect(domain).toContain('src/domain may import only from domain');
    const [component] = await zoneMessagesOn(
      probes.component,
      "import { StorageError } from '../storage/storage-error';\nexport const error = StorageError;\n",
    );
    expect(component).toContain('src/components may import only from components, domain, i18n');
    const [i18n] = await zoneMessagesOn(
      probes.i18n,
      "import { csvKinds } from '../report/csv';\nexport const kinds = csvKinds;\n",
    );
    expect(i18n).toContain('src/i18n may import only from');
    const [i18nStorage] = await zoneMessagesOn(
      probes.i18n,
      "import { StorageError } from '../storage/storage-error';\nexport const error = StorageError;\n",
    );
    expect(i18nStorage).toContain('src/i18n may import only from i18n, domain, texts');
  });

  it('keeps src/testing out of production code, and open to tests', async () => {
    const code = "import { buildItem } from '../../testing/domain/scoring/builders';\nexport const item = buildItem;\n";
    const [production] = await zoneMessagesOn(probes.feature, code);
    expect(production).toContain('src/testing holds test support');
    expect(await zoneMessagesOn(probes.featureTest, code)).toEqual([]);
  });
}, 120_000);
