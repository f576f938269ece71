/**
 * Scene cue weights, in the order of SCENE_FEATURES (scene.ts): title, title_locative, title_first, title_tail, dateline, scene_words, scene_loose, scene_framed, locative, trigger_sentence, lead, first_place, mentions, resident, local_police, route_only, no_preposition, typed, qualified, in_named_region, holds_named_place, state_support, state_conflict, country_support, country_conflict, site, home_state, reread, other_reading, most_populous, county_holds, county_police, population, p_place, p_admin2, p_admin1, p_country.
 * Written by `npm run train:scene` (scripts/train-scene.ts) from the tune parts of GVA dev and
 * UCDP GED dev (1468 + 2312 documents with a choice); do not edit by hand.
 */
export const SCENE_WEIGHTS: readonly number[] = [
  0.648, 0.114, -0.168, -0.566, 1.012, 0.1,
  -0.584, 0.09, 0.416, 0.425, 0.69, -0.034,
  1.465, -0.197, 1.004, -0.01, 0.022, 0.515,
  1.198, 2.34, -0.227, 0.932, -0.038, 0.464,
  -0.706, 1.696, 0.678, 0.125, -0.902, 1.133,
  0.824, 0.297, 2.595, 0.626, 1.389, 0.05,
  -2.076,
];
