/**
 * Scene cue weights, in the order of SCENE_FEATURES (scene.ts): title, title_locative, title_first, title_tail, dateline, scene_words, scene_loose, scene_framed, locative, trigger_sentence, lead, first_place, mentions, resident, route_only, no_preposition, typed, qualified, in_named_region, holds_named_place, state_support, state_conflict, country_support, country_conflict, site, reread, population, p_place, p_admin2, p_admin1, p_country.
 * Written by `npm run train:scene` (scripts/train-scene.ts) from the tune parts of GVA dev and
 * UCDP GED dev (1115 + 1203 documents with a choice); do not edit by hand.
 */
export const SCENE_WEIGHTS: readonly number[] = [
  0.684, 0.223, -0.408, -0.275, 1.191, 0.184,
  -0.501, 0.306, 0.255, 0.489, 0.528, 0.16,
  2.304, 0.488, -1.004, 0.088, 0.891, 1.173,
  1.824, -1.708, 0.899, -0.165, -0.061, -1.763,
  1.807, -0.891, 1.618, 0.347, 1.67, 0.127,
  -2.138,
];
