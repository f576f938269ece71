/**
 * Scene cue weights, in the order of SCENE_FEATURES (scene.ts): title, title_locative, title_first, title_tail, dateline, scene_words, scene_loose, scene_framed, locative, trigger_sentence, lead, first_place, mentions, resident, local_police, route_only, no_preposition, typed, qualified, in_named_region, holds_named_place, state_support, state_conflict, country_support, country_conflict, site, home_state, reread, other_reading, most_populous, county_holds, county_police, population, p_place, p_admin2, p_admin1, p_country.
 * Written by `npm run train:scene` (scripts/train-scene.ts) from the tune parts of GVA dev and
 * UCDP GED dev (1481 + 2466 documents with a choice); do not edit by hand.
 */
export const SCENE_WEIGHTS: readonly number[] = [
  0.628, 0.039, -0.141, -0.677, 1.05, 0.115,
  -0.668, 0.17, 0.521, 0.47, 0.667, -0.062,
  1.422, -0.263, 1.007, -0.181, 0.07, 0.437,
  1.144, 2.054, -0.198, 1.355, -0.09, 0.464,
  -0.732, 1.78, 0.704, 0.12, -1.118, 1.108,
  0, 0.152, 2.507, 0.515, 1.749, -0.041,
  -2.224,
];
