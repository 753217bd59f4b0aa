import type {ReactiveControllerHost} from 'lit';
import type {ActionController} from './action.js';

/**
 * Call from `run()`'s `onError` when the failure's text is put on a field: before the next render, the slot's
 * error becomes `shown` (announced by the live region, not repeated at the submit row).
 */
export function shownOnField(host: ReactiveControllerHost, act: ActionController, slot: string): void {
  const once = {
    hostUpdate: () => {
      host.removeController(once);
      const m = act.get(slot);
      if (m?.tone === 'error' && !m.shown) act.notify(m.key, m.params, {slot, tone: 'error', form: m.form, shown: true});
    },
  };
  host.addController(once);
}
