export type * from './types.js';
export type * from './stage.js';
