import { defineMessages } from '../define.ts';

// Messages of the directory feature. Keys are prefixed 'directory.' so feature sets never collide.
export const directory = defineMessages({}, {});
