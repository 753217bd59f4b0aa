/** Writing the data file: a save shortly after each change (coalesced), and a final one on close. */
import type { Store } from './store.js';

export interface Saver {
  /** Schedules a save (no-op without a data file). */
  changed(): void;
  /** Cancels a pending save and saves now; throws when the save fails. */
  flush(): void;
}

export function createSaver(store: Store, dataFile: string | undefined): Saver {
  let timer: NodeJS.Timeout | null = null;
  return {
    changed() {
      if (!dataFile || timer) return;
      timer = setTimeout(() => {
        timer = null;
        // A failed background save (disk full, permissions) must not take the server down; the previous file stays.
        try { store.save(); } catch (err) { console.error(`[emulator] could not save ${dataFile}:`, err); }
      }, 50);
    },
    flush() {
      if (timer) { clearTimeout(timer); timer = null; }
      if (dataFile) store.save();
    },
  };
}
