import type { CategoryId } from '../model/types.ts';

/** Every category, in a fixed order: its position is its bit in DocColumns.categories. */
export const CATEGORY_IDS: readonly CategoryId[] = [
  'catering', 'cleaning', 'green_areas', 'construction', 'printing', 'crafts_gifts',
  'accommodation_tourism', 'laundry', 'sewing', 'packaging_assembly', 'transport', 'care',
  'education_training', 'it', 'events', 'rehabilitation_therapy', 'manufacturing', 'agriculture_food',
  'other',
];

export const CATEGORY_BITS: ReadonlyMap<string, number> = new Map(CATEGORY_IDS.map((c, i) => [c, 1 << i]));
