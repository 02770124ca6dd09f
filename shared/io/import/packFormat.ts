// The data pack's format name and version, in a module of their own so that readers which trust
// a pack (the one the build made) need not load the validating reader and its libraries.
export const PACK_FORMAT = 'radar-es/data-pack';
export const PACK_VERSION = 1;
