// One "done — undo" message at a time, shown by the app shell (see UndoToast.svelte). It stays a
// few seconds; undoing runs the action the deleting code handed over. It belongs to the page it
// was shown on (`page`, a route name): leaving that page dismisses it, so "List deleted — Undo"
// never follows the user onto another list's page.
const SHOW_MS = 8000;

class UndoToast {
  message = $state('');
  private undo: (() => Promise<void> | void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The route name the message belongs to. */
  page = $state<string | undefined>();

  show(message: string, undo: () => Promise<void> | void, page?: string): void {
    clearTimeout(this.timer);
    this.message = message;
    this.page = page;
    this.undo = undo;
    this.timer = setTimeout(() => this.dismiss(), SHOW_MS);
  }

  /** Called by the shell on every navigation. */
  left(route: string): void {
    if (this.message && this.page !== undefined && route !== this.page) this.dismiss();
  }

  async runUndo(): Promise<void> {
    const undo = this.undo;
    this.dismiss();
    await undo?.();
  }

  dismiss(): void {
    clearTimeout(this.timer);
    this.message = '';
    this.page = undefined;
    this.undo = undefined;
  }
}

export const undoToast = new UndoToast();
