/**
 * The customer's journey, engine-neutral: sign in at the (mock) utility, meter cards with money in a
 * named locale, a chart and its resolution switch, revoking a connected app, signing out, and opening
 * a real Green Button file. After every step the page guard must have recorded nothing.
 */
import assert from 'node:assert/strict';
import { REAL_FIXTURES_DIR } from '../../src/testing/test-data.ts';
import type { EngineSession } from './engines.ts';
import { PROBLEMS_KEY } from './page-guard.ts';
import { MAIN_CHART_MARKS } from '../chart-marks.ts';

const REAL_FILE = `${REAL_FIXTURES_DIR}/vladistan-Coastal_Multi_Family_12hr_Jan_1_2011_to_Jan_1_2012_RetailCustomer_3.xml`;

type Role = 'button' | 'link' | 'radio';

/** In the page: the first visible element of `role` named `name`, inside `scope` when given. */
function byRole(role: Role, name: string, scope: string | null): Element | null {
  const selectors = { button: 'button, [role="button"]', link: 'a[href]', radio: 'input[type="radio"]' };
  const root = scope ? document.querySelector(scope) : document;
  const nameOf = (element: Element) => {
    const text =
      element.getAttribute('aria-label') ??
      (element instanceof HTMLInputElement ? element.labels?.[0]?.textContent : element.textContent);
    return (text ?? '').replace(/\s+/g, ' ').trim();
  };
  const candidates = root ? [...root.querySelectorAll(selectors[role])] : [];
  return (
    candidates.find((element) => element.getClientRects().length > 0 && nameOf(element) === name) ?? null
  );
}

/** In the page: the form control labelled `label`. */
function byLabel(label: string): Element | null {
  const labels = [...document.querySelectorAll('label')];
  return labels.find((l) => l.textContent?.replace(/\s+/g, ' ').trim() === label)?.control ?? null;
}

function pageText(): string {
  return document.body.innerText;
}

class Journey {
  private readonly session: EngineSession;
  private readonly baseUrl: string;
  private readonly report: (message: string) => void;
  private stepStarted = Date.now();

  constructor(session: EngineSession, baseUrl: string, report: (message: string) => void) {
    this.session = session;
    this.baseUrl = baseUrl;
    this.report = report;
  }

  /** Polls `probe` until it answers (truthy); a page in the middle of a navigation counts as not yet. */
  async until<T>(
    description: string,
    probe: () => Promise<T | null | false>,
    timeoutMs = 60_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
      try {
        const answer = await probe();
        if (answer) return answer;
      } catch (error) {
        lastError = error;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return assert.fail(
      `Timed out waiting for ${description}${lastError ? ` (last error: ${String(lastError)})` : ''}`,
    );
  }

  async open(path: string) {
    await this.session.goto(`${this.baseUrl}${path}`);
  }

  async click(role: Role, name: string, scope: string | null = null) {
    const element = await this.until(`${role} "${name}"`, () =>
      this.session.element(byRole, role, name, scope),
    );
    await element.click();
  }

  async fill(label: string, text: string) {
    const element = await this.until(`a field labelled "${label}"`, () =>
      this.session.element(byLabel, label),
    );
    await element.type(text);
  }

  async upload(label: string, path: string) {
    const element = await this.until(`a file input labelled "${label}"`, () =>
      this.session.element(byLabel, label),
    );
    await element.upload(path);
  }

  seeText(text: string | RegExp, timeoutMs?: number) {
    return this.until(
      `the text ${String(text)}`,
      async () => {
        const body = await this.session.evaluate(pageText);
        return typeof text === 'string' ? body.includes(text) : text.test(body);
      },
      timeoutMs,
    );
  }

  seeElement(selector: string) {
    return this.until(
      selector,
      () => this.session.evaluate((s: string) => document.querySelector(s) !== null, selector),
      90_000,
    );
  }

  seeUrl(pattern: RegExp) {
    return this.until(`a URL matching ${String(pattern)}`, async () =>
      pattern.test(await this.session.url()),
    );
  }

  async text(): Promise<string> {
    return this.session.evaluate(pageText);
  }

  /** What the page guard recorded in this tab so far. */
  problems(): Promise<string[]> {
    return this.session.evaluate(
      (key: string) => JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[],
      PROBLEMS_KEY,
    );
  }

  /** Ends a step: the guard recorded nothing; reports the step's time. */
  async noProblems(step: string) {
    assert.deepEqual(
      await this.problems(),
      [],
      `console errors, uncaught exceptions or CSP violations (${step})`,
    );
    this.report(`${step}: ${((Date.now() - this.stepStarted) / 1000).toFixed(1)} s`);
    this.stepStarted = Date.now();
  }
}

export async function customerJourney(
  session: EngineSession,
  baseUrl: string,
  report: (message: string) => void,
) {
  const journey = new Journey(session, baseUrl, report);

  // The guard is live in this engine: a console error is recorded (then cleared).
  await journey.open('/');
  await journey.seeText('Sign in');
  await session
    .evaluate((key: string) => {
      console.error('page guard self-test');
      const recorded = sessionStorage.getItem(key);
      sessionStorage.removeItem(key);
      return recorded;
    }, PROBLEMS_KEY)
    .then((recorded) => assert.match(String(recorded), /page guard self-test/));

  // Sign in through the utility's page, back to My energy.
  await journey.open('/usage');
  await journey.click('button', 'Sign in');
  await journey.seeUrl(/\/custodian\/oauth\/authorize/);
  await journey.seeText('Password');
  await journey.fill('Username', 'household');
  await journey.fill('Password', 'demo');
  await journey.click('button', 'Sign in');
  await journey.seeText('Sign out', 60_000);
  await journey.seeUrl(/\/usage$/);
  await journey.noProblems('sign-in');

  // Meter cards, with money written in a named locale ("$12.34", never "$ 12.34").
  await journey.seeText('Home electricity (rooftop solar)');
  await journey.seeText(/Data through /);
  await journey.seeText(/Cost so far this/);
  // "$ 12.34" (the POSIX format) would leave "$" alone before the space.
  const costSoFar = /Cost so far this [^:]+: (?<amount>\S+)/.exec(await journey.text());
  assert.match(costSoFar?.groups?.amount ?? 'none', /^\$\d[\d,]*\.\d\d$/);
  await journey.noProblems('meter cards');

  // A chart and its resolution switch.
  await journey.click('link', 'Home electricity (rooftop solar)');
  await journey.seeElement(MAIN_CHART_MARKS);
  await journey.click('radio', 'Interval');
  await journey.seeUrl(/res=interval/);
  await journey.seeElement(MAIN_CHART_MARKS);
  await journey.noProblems('chart');

  // Revoke a connected app.
  await journey.click('link', 'Connected apps');
  await journey.seeText('BrightWatt Energy Insights');
  await journey.click('button', 'Revoke access for BrightWatt Energy Insights');
  await journey.click('button', 'Revoke access', '[role="dialog"], dialog[open]');
  await journey.seeText('Access revoked.');
  await journey.noProblems('revoke');

  // Sign out.
  await journey.click('button', 'Sign out');
  await journey.seeText('You have signed out. Your access tokens were revoked');
  await journey.noProblems('sign-out');

  // Open a real Green Button file, signed out.
  await journey.open('/open-file');
  await journey.upload('Choose a Green Button file', REAL_FILE);
  await journey.seeElement(MAIN_CHART_MARKS);
  await journey.seeText(/readings from Jan 1, 2011 to Dec 31, 2011/);
  await journey.noProblems('open a file');
}
