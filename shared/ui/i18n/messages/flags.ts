import { defineMessages } from '../define.ts';

// Messages of the flags feature. Keys are prefixed 'flags.' so feature sets never collide.
export const flags = defineMessages({}, {});
