import { defineMessages } from '../define.ts';

// Messages of the lists feature. Keys are prefixed 'lists.' so feature sets never collide.
export const lists = defineMessages({}, {});
