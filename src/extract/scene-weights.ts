/**
 * Scene cue weights, in the order of SCENE_FEATURES (scene.ts): title, title_locative, title_first, title_tail, dateline, scene_words, scene_loose, scene_framed, locative, trigger_sentence, lead, first_place, mentions, resident, local_police, route_only, no_preposition, typed, qualified, in_named_region, holds_named_place, state_support, state_conflict, country_support, country_conflict, site, home_state, reread, other_reading, most_populous, county_holds, county_police, population, p_place, p_admin2, p_admin1, p_country.
 * Written by `npm run train:scene` (scripts/train-scene.ts) from the tune parts of GVA dev and
 * UCDP GED dev (1470 + 2040 documents with a choice); do not edit by hand.
 */
export const SCENE_WEIGHTS: readonly number[] = [
  0.657, 0.134, -0.204, -0.469, 1.057, 0.148,
  -0.511, 0.036, 0.336, 0.407, 0.55, 0.022,
  1.52, -0.085, 1.144, 0.175, -0.033, 0.957,
  1.199, 2.366, 0.062, 0.864, -0.03, 0.436,
  -0.65, 1.798, 0.76, -0.04, -1.198, 0.622,
  0.805, -0.019, 1.628, 0.597, 0.778, 0.407,
  -1.799,
];
