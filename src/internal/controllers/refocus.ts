import type {ReactiveControllerHost} from 'lit';

/**
 * After the host's next update, focuses the first match of `selector` in it when focus was lost on the way
 * (on `<body>`, e.g. the submit button was disabled while its action ran); focus the user moved elsewhere stays.
 */
export async function refocus(host: ReactiveControllerHost & HTMLElement, selector: string): Promise<void> {
  await host.updateComplete;
  const active = document.activeElement;
  if (active && active !== document.body) return;
  host.querySelector<HTMLElement>(selector)?.focus();
}
