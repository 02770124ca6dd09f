import { defineMessages } from '../define.ts';

// Messages of the settings feature. Keys are prefixed 'settings.' so feature sets never collide.
export const settings = defineMessages({}, {});
