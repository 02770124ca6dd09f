// The entity components shared by the popup and the app's entity page. Each one is self-contained:
// it takes an entity (or its id) as props, reads live from the store and writes through shared/db
// commands only.
export { default as EntityCard } from './EntityCard.svelte';
export { default as SaveControl } from './SaveControl.svelte';
export { default as FlagForm } from './FlagForm.svelte';
export { default as ContactActions } from './ContactActions.svelte';
