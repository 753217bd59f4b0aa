// @web/test-runner plugin: the server command `lr-page-visibility` ({visible: boolean}) really hides the test page
// (document.visibilityState 'hidden', a real `visibilitychange`) and shows it again, in each engine of this runner:
//  - Chromium and Firefox (puppeteer: CDP, WebDriver BiDi): another tab of the page's browser context is opened and
//    brought to the front, so the test page becomes a background tab; `visible` brings it back and closes that tab.
//  - WebKit (WebDriver classic, MiniBrowser under Xvfb): opening and switching to another tab or window does not hide
//    the page there (MiniBrowser keeps every web view visible), so the window is minimized; `visible` restores its
//    size and position.
// Nothing in the page is stubbed: the engine itself reports the state.

/** @type {WeakMap<object, any>} per launcher: the extra tab (puppeteer) or the saved window rect (webdriver) */
const hiddenBy = new WeakMap();

export function visibilityPlugin() {
  return {
    name: 'lr-visibility',
    /** @param {{command: string, payload: any, session: any}} arg */
    async executeCommand({ command, payload, session }) {
      if (command !== 'lr-page-visibility') return undefined;
      const visible = !!payload?.visible;
      const browser = session.browser;
      if (browser.type === 'puppeteer') {
        const page = browser.getPage(session.id);
        if (!visible) {
          const other = hiddenBy.get(browser) ?? (await page.browserContext().newPage());
          hiddenBy.set(browser, other);
          await other.bringToFront();
        } else {
          await page.bringToFront();
          const other = hiddenBy.get(browser);
          hiddenBy.delete(browser);
          await other?.close().catch(() => undefined);
        }
        return true;
      }
      if (browser.type === 'webdriver' && browser.driver) {
        const driver = browser.driver;
        if (!visible) {
          if (!hiddenBy.has(browser)) hiddenBy.set(browser, await driver.getWindowRect());
          await driver.minimizeWindow();
        } else {
          const rect = hiddenBy.get(browser) ?? { x: 0, y: 0, width: 1024, height: 768 };
          hiddenBy.delete(browser);
          await driver.setWindowRect(rect.x, rect.y, rect.width, rect.height);
        }
        return true;
      }
      throw new Error(`lr-page-visibility: no way to hide a page in a ${browser.type} browser`);
    },
  };
}
