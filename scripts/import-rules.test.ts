/**
 * The import rules of docs/architecture.md are lint: these run the project's own ESLint configuration on
 * virtual files placed in each layer, and check that a forbidden import fails and an allowed one passes.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function importProblems(filePath: string, specifier: string): Promise<string[]> {
  const results = await eslint.lintText(`import * as imported from '${specifier}';\nexport { imported };\n`, {
    filePath: `${root}${filePath}`,
  });
  return results.flatMap((result) =>
    result.messages.map((message) => `${message.ruleId}: ${message.message}`),
  );
}

describe('import rules', { timeout: 60_000 }, () => {
  it.each([
    ['a feature importing another feature', 'src/features/usage/api/sample.ts', '../../bulk/model/grant.ts'],
    ['src/espi importing src/lib', 'src/espi/sample.ts', '../lib/api-error.ts'],
    ['the mock custodian importing a feature', 'src/custodian/sample.ts', '../features/bulk/model/grant.ts'],
    ['src/lib importing a feature', 'src/lib/sample.ts', '../features/usage/range.ts'],
    [
      'a shared component importing a feature',
      'src/components/ui/sample.tsx',
      '../../features/usage/range.ts',
    ],
    ['a feature importing the mock custodian', 'src/features/auth/sample.ts', '../../custodian/directory.ts'],
    ['the app importing the mock custodian', 'src/app/sample.ts', '../custodian/node.ts'],
  ])('refuses %s', async (_, filePath, specifier) => {
    expect(await importProblems(filePath, specifier)).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: /),
    ]);
  });

  it.each([
    ['a feature importing src/lib', 'src/features/usage/api/sample.ts', '../../../lib/api-error.ts'],
    ['a feature importing src/espi', 'src/features/usage/api/sample.ts', '../../../espi/scope.ts'],
    ['a feature importing its own model', 'src/features/bulk/api/sample.ts', '../model/grant.ts'],
    ['the mock custodian importing src/espi', 'src/custodian/sample.ts', '../espi/scope.ts'],
    ['the demo bootstrap importing the mock custodian', 'src/demo/sample.ts', '../custodian/directory.ts'],
    [
      'a feature test running against the mock custodian',
      'src/features/auth/sample.test.ts',
      '../../custodian/node.ts',
    ],
  ])('allows %s', async (_, filePath, specifier) => {
    expect(await importProblems(filePath, specifier)).toEqual([]);
  });
});
