/**
 * Scene cue weights, in the order of SCENE_FEATURES (scene.ts): title, title_locative, title_first, title_tail, dateline, scene_words, scene_loose, scene_framed, locative, trigger_sentence, lead, first_place, mentions, resident, local_police, route_only, no_preposition, typed, qualified, in_named_region, holds_named_place, state_support, state_conflict, country_support, country_conflict, site, reread, other_reading, population, p_place, p_admin2, p_admin1, p_country.
 * Written by `npm run train:scene` (scripts/train-scene.ts) from the tune parts of GVA dev and
 * UCDP GED dev (1481 + 2466 documents with a choice); do not edit by hand.
 */
export const SCENE_WEIGHTS: readonly number[] = [
  0.643, 0.045, -0.149, -0.361, 1.078, 0.067,
  -0.587, 0.066, 0.585, 0.566, 0.598, -0.031,
  1.851, -0.249, 1.011, -0.121, 0.096, 0.542,
  1.297, 2.288, 0.046, 1.132, -0.199, 0.701,
  -0.388, 1.747, -0.079, -1.423, 3.623, 0.287,
  1.73, 0.299, -2.317,
];
