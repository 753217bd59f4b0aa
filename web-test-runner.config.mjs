// @ts-check
// Browser tests (@web/test-runner) in Chromium, Firefox and WebKit from Debian packages, against the
// in-process LoginRadius emulator. Use `npm run test:browser` (tools/wtr/run.mjs): it runs ONE browser per
// wtr process, sequentially, because every run owns its emulator and tests reset it and inject faults.
// WTR_BROWSER picks the browser of this process: chrome | firefox | webkit (the runner sets it; a list
// such as "chrome,firefox" or "all" also works here but then the browsers share one emulator).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { emulatorPlugin } from './tools/wtr/emulator-plugin.mjs';
import { summaryReporter } from './tools/wtr/summary-reporter.mjs';
import { visibilityPlugin } from './tools/wtr/visibility-plugin.mjs';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
// --no-sandbox: Chromium refuses to run as root without it. The rest keep it off the (closed) network.
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];
const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.update.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
};

/** @param {string} name */
async function launcher(name) {
  switch (name) {
    case 'chrome':
      return chromeLauncher({ launchOptions: { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS } });
    case 'firefox': // firefox-esr over WebDriver BiDi through puppeteer-core (no geckodriver)
      return Object.assign(
        chromeLauncher({
          launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true, extraPrefsFirefox: FIREFOX_PREFS },
        }),
        { name: 'Firefox' },
      );
    case 'webkit': { // WebKitWebDriver + MiniBrowser (webkit2gtk) under Xvfb, WebDriver classic
      const { webdriverLauncher } = await import('@web/test-runner-webdriver');
      const { startWebKitDriver, MINIBROWSER } = await import('./tools/wtr/webkit-driver.mjs');
      const { port } = await startWebKitDriver();
      return webdriverLauncher({
        automationProtocol: 'webdriver',
        hostname: '127.0.0.1',
        port,
        path: '/',
        logLevel: 'error',
        capabilities: {
          browserName: 'MiniBrowser',
          // @ts-ignore vendor capability
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
          'wdio:enforceWebDriverClassic': true,
        },
      });
    }
    default:
      throw new Error(`unknown browser "${name}" (WTR_BROWSER: chrome | firefox | webkit)`);
  }
}

const names = (process.env.WTR_BROWSER || 'chrome,firefox,webkit')
  .replace(/^all$/, 'chrome,firefox,webkit')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: 'test/browser/**/*.test.ts',
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), emulatorPlugin(), visibilityPlugin()],
  browsers: await Promise.all(names.map(launcher)),
  // One page at a time: tests share the emulator and IndexedDB. (Never `concurrency: undefined`: wtr hangs.)
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 300000,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), summaryReporter()],
};
