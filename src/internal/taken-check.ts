/**
 * "Is this value already taken?" for one field (an email address, a username), asked when the field loses focus
 * after a change, never per keystroke. An answer is used only while the field still holds the value it was asked
 * for; a value already being checked is not asked again; failures are silent (the submit answer tells).
 */
export class TakenCheck {
  readonly #pending = new Set<string>();

  async run(input: HTMLInputElement, isTaken: (value: string) => Promise<boolean>, onTaken: (form: HTMLFormElement) => void): Promise<void> {
    const value = input.value;
    const key = `${input.name}\n${value}`;
    if (!value || !input.validity.valid || this.#pending.has(key)) return;
    this.#pending.add(key);
    try {
      if ((await isTaken(value)) && input.value === value && input.isConnected && input.form) onTaken(input.form);
    } catch {
      // Not worth bothering the user: the submit answer (936 / 1017) covers it.
    } finally {
      this.#pending.delete(key);
    }
  }
}
