import { defineMessages } from '../define.ts';

// Messages of the importer feature. Keys are prefixed 'importer.' so feature sets never collide.
export const importer = defineMessages({}, {});
