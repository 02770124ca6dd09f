import { defineMessages } from '../define.ts';

// Messages of the verify feature. Keys are prefixed 'verify.' so feature sets never collide.
export const verify = defineMessages({}, {});
