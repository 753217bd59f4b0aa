/**
 * Really hides or shows this test page (and its iframes) through the `lr-page-visibility` server command of
 * tools/wtr/visibility-plugin.mjs: a background tab in Chromium and Firefox, a minimized window in WebKit. The engine
 * reports the state (`document.visibilityState`, `visibilitychange`); nothing in the page is stubbed.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { until } from './util.js';

/** Resolves once `document.visibilityState` says `visible` / `hidden`. */
export async function setPageVisible(visible: boolean): Promise<void> {
  await executeServerCommand('lr-page-visibility', { visible });
  const want = visible ? 'visible' : 'hidden';
  await until(() => document.visibilityState === want, `the page ${want}`, 5000);
}
