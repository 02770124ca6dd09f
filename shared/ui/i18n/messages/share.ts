import { defineMessages } from '../define.ts';

// Messages of the share feature. Keys are prefixed 'share.' so feature sets never collide.
export const share = defineMessages({}, {});
