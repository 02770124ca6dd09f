// One "done — undo" message at a time, shown by the app shell (see UndoToast.svelte). It stays a
// few seconds; undoing runs the action the deleting code handed over.
const SHOW_MS = 8000;

class UndoToast {
  message = $state('');
  private undo: (() => Promise<void> | void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  show(message: string, undo: () => Promise<void> | void): void {
    clearTimeout(this.timer);
    this.message = message;
    this.undo = undo;
    this.timer = setTimeout(() => this.dismiss(), SHOW_MS);
  }

  async runUndo(): Promise<void> {
    const undo = this.undo;
    this.dismiss();
    await undo?.();
  }

  dismiss(): void {
    clearTimeout(this.timer);
    this.message = '';
    this.undo = undefined;
  }
}

export const undoToast = new UndoToast();
