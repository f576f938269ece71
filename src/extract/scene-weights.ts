/**
 * Scene cue weights, in the order of SCENE_FEATURES (scene.ts): title, title_locative, title_first, title_tail, dateline, scene_words, scene_loose, scene_framed, locative, trigger_sentence, lead, first_place, mentions, resident, local_police, route_only, no_preposition, typed, qualified, in_named_region, holds_named_place, state_support, state_conflict, country_support, country_conflict, site, reread, population, p_place, p_admin2, p_admin1, p_country.
 * Written by `npm run train:scene` (scripts/train-scene.ts) from the tune parts of GVA dev and
 * UCDP GED dev (1039 + 1118 documents with a choice); do not edit by hand.
 */
export const SCENE_WEIGHTS: readonly number[] = [
  0.721, 0.111, -0.278, -0.175, 1.171, 0.137,
  -0.476, 0.24, 0.372, 0.362, 0.382, 0.063,
  1.884, 0.374, 1.375, 0.16, 0.062, 0.539,
  1.079, 1.792, -1.448, 0.782, -0.21, -0.011,
  -1.787, 1.98, -0.857, 1.448, 0.353, 1.488,
  0.206, -2.041,
];
