import { defineMessages } from '../define.ts';

// Messages of the popup feature. Keys are prefixed 'popup.' so feature sets never collide.
export const popup = defineMessages({}, {});
