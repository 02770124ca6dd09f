// Checks against the public registers (KRS, VAT white list), for the popup and the app. Each
// component is self-contained: it takes an entity id (or ids), reads live from the store and
// writes through shared/db commands only; the checks themselves run in the background.
export { default as VerifyPanel } from './VerifyPanel.svelte';
export { default as VerifyQueue } from './VerifyQueue.svelte';
export { default as VerifyBatchButton } from './VerifyBatchButton.svelte';
export { default as VerifiedNotice } from './VerifiedNotice.svelte';
