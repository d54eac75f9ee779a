/**
 * The import rules of docs/architecture.md are lint: these run the project's own ESLint configuration on
 * virtual files placed in each layer, and check that a forbidden import fails and an allowed one passes;
 * likewise the rule that buttons are drawn by the Button component only.
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

/** What lint says of a refused import: one problem, from the zones rule. */
const REFUSED = [expect.stringMatching(/^import-x\/no-restricted-paths: /)];

describe('import rules', { timeout: 60_000 }, () => {
  it.each([
    [
      'refuses',
      'a feature importing another feature',
      'src/features/usage/api/sample.ts',
      '../../bulk/model/grant.ts',
    ],
    ['refuses', 'src/espi importing src/lib', 'src/espi/sample.ts', '../lib/api-error.ts'],
    [
      'refuses',
      'the mock custodian importing a feature',
      'src/custodian/sample.ts',
      '../features/bulk/model/grant.ts',
    ],
    ['refuses', 'src/lib importing a feature', 'src/lib/sample.ts', '../features/usage/model/range.ts'],
    [
      'refuses',
      'a shared component importing a feature',
      'src/components/ui/sample.tsx',
      '../../features/usage/model/range.ts',
    ],
    [
      'refuses',
      'a feature importing the mock custodian',
      'src/features/auth/sample.ts',
      '../../custodian/directory.ts',
    ],
    ['refuses', 'the app importing the mock custodian', 'src/app/sample.ts', '../custodian/node.ts'],
    [
      'allows',
      'a feature importing src/lib',
      'src/features/usage/api/sample.ts',
      '../../../lib/api-error.ts',
    ],
    ['allows', 'a feature importing src/espi', 'src/features/usage/api/sample.ts', '../../../espi/index.ts'],
    [
      'refuses',
      'a feature reaching behind the ESPI public face',
      'src/features/usage/api/sample.ts',
      '../../../espi/scope.ts',
    ],
    ['allows', 'a feature importing its own model', 'src/features/bulk/api/sample.ts', '../model/grant.ts'],
    ['allows', 'the mock custodian importing src/espi', 'src/custodian/sample.ts', '../espi/index.ts'],
    [
      'allows',
      'the demo bootstrap importing the mock custodian',
      'src/demo/sample.ts',
      '../custodian/directory.ts',
    ],
    [
      'allows',
      'a feature test running against the mock custodian',
      'src/features/auth/sample.test.ts',
      '../../custodian/node.ts',
    ],
  ])('%s %s', async (verdict, _, filePath, specifier) => {
    expect(await importProblems(filePath, specifier)).toEqual(verdict === 'refuses' ? REFUSED : []);
  });
});

describe('one way to draw a button', { timeout: 60_000 }, () => {
  const lint = async (source: string) =>
    (await eslint.lintText(source, { filePath: `${root}src/features/usage/sample.tsx` })).flatMap((r) =>
      r.messages.map((m) => m.ruleId),
    );

  it('refuses the button class set by hand, and allows other classes', async () => {
    expect(
      await lint('export const A = () => <a className="button button--small" href="/">a</a>;\n'),
    ).toEqual(['no-restricted-syntax']);
    expect(await lint('export const B = () => <p className="link-button">b</p>;\n')).toEqual([]);
  });
});
