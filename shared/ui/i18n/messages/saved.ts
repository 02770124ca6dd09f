import { defineMessages } from '../define.ts';

// Messages of the saved feature. Keys are prefixed 'saved.' so feature sets never collide.
export const saved = defineMessages({}, {});
