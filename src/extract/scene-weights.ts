/** Scene cue weights (order: SCENE_FEATURES in scene.ts). Placeholder until `npm run train:scene` writes learned ones. */
export const SCENE_WEIGHTS: readonly number[] = [
  2, 1, 1, 0.5, 1,
  2, 0.5, 1, 1, 0.5, 0.5, 0.5,
  1, 1, -1, -0.5, 0.3, 0.3, 0.5, -0.5,
  1, -1, 0.5, -1, 1, 0.5,
  0.5, 0.5, 0.2, -0.5, -2,
];
