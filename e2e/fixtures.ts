/**
 * The shared `test`: every spec imports `test` and `expect` from here, never from @playwright/test.
 * - Network guard (automatic): a request to any host but localhost/127.0.0.1 is aborted and fails the test;
 *   so does an uncaught error in the page.
 * - `signIn(page, username, { lang })`: signs in through the API (fast; the cookie lands in the page's
 *   browser context) and opens the home page. The UI sign-in itself is driven through `LoginPage`.
 */
import { test as base, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Yilian@2026';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface SignInOptions {
  password?: string;
  /** UI language for this browser context (default: the app's default, Chinese). */
  lang?: 'zh-CN' | 'en';
  /** Page to open after signing in (default '/'). */
  path?: string;
}

interface Fixtures {
  networkGuard: undefined;
  signIn: (page: Page, username: string, options?: SignInOptions) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  networkGuard: [
    async ({ context }, use, testInfo) => {
      const stray: string[] = [];
      const pageErrors: string[] = [];
      await context.route(
        (url) => !['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) ? false : !LOCAL_HOSTS.has(url.hostname),
        (route) => {
          stray.push(route.request().url());
          return route.abort('blockedbyclient');
        },
      );
      context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
      await use(undefined);
      if (stray.length > 0) testInfo.annotations.push({ type: 'stray-requests', description: stray.join('\n') });
      expect(stray, 'requests to hosts other than localhost').toEqual([]);
      expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],

  signIn: async ({ baseURL }, use) => {
    await use(async (page, username, options = {}) => {
      const context = page.context();
      if (options.lang) {
        await context.addCookies([{ name: 'yl_lang', value: options.lang, url: baseURL! }]);
        await context.addInitScript((lang) => {
          if (!window.localStorage.getItem('yl_lang')) window.localStorage.setItem('yl_lang', lang);
        }, options.lang);
      }
      const response = await context.request.post('/api/auth/login', { data: { username, password: options.password ?? DEMO_PASSWORD } });
      expect(response.status(), `sign-in of ${username}: ${await response.text()}`).toBe(200);
      await page.goto(options.path ?? '/');
      await expect(page.getByTestId('user-menu')).toBeVisible();
    });
  },
});

export { expect };
