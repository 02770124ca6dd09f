import { defineMessages } from '../define.ts';

// Messages of the entity feature. Keys are prefixed 'entity.' so feature sets never collide.
export const entity = defineMessages({}, {});
