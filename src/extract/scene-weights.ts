/**
 * Scene cue weights, in the order of SCENE_FEATURES (scene.ts): title, title_locative, title_first, title_tail, dateline, scene_words, scene_loose, scene_framed, locative, trigger_sentence, lead, first_place, mentions, resident, local_police, route_only, no_preposition, typed, qualified, in_named_region, holds_named_place, state_support, state_conflict, country_support, country_conflict, site, home_state, reread, other_reading, most_populous, county_holds, county_police, population, p_place, p_admin2, p_admin1, p_country.
 * Written by `npm run train:scene` (scripts/train-scene.ts) from the tune parts of GVA dev and
 * UCDP GED dev (1476 + 2445 documents with a choice); do not edit by hand.
 */
export const SCENE_WEIGHTS: readonly number[] = [
  0.605, 0.08, -0.142, -0.555, 1.022, 0.141,
  -0.621, 0.156, 0.448, 0.457, 0.66, -0.063,
  1.418, -0.203, 1.021, -0.073, 0.041, 0.368,
  1.147, 2.277, -0.039, 0.897, 0.003, 0.383,
  -0.755, 1.719, 0.65, 0.122, -1.086, 1.126,
  0.741, 0.312, 2.466, 0.633, 1.495, -0.02,
  -2.12,
];
