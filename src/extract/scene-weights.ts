/**
 * Scene cue weights, in the order of SCENE_FEATURES (scene.ts): title, title_locative, title_first, title_tail, dateline, scene_words, scene_loose, scene_framed, locative, trigger_sentence, lead, first_place, mentions, resident, local_police, route_only, no_preposition, typed, qualified, in_named_region, holds_named_place, state_support, state_conflict, country_support, country_conflict, site, home_state, reread, other_reading, most_populous, county_holds, county_police, population, p_place, p_admin2, p_admin1, p_country.
 * Written by `npm run train:scene` (scripts/train-scene.ts) from the tune parts of GVA dev and
 * UCDP GED dev (1479 + 2093 documents with a choice); do not edit by hand.
 */
export const SCENE_WEIGHTS: readonly number[] = [
  0.568, 0.101, -0.17, -0.467, 1.067, 0.255,
  -0.667, 0.032, 0.25, 0.349, 0.54, -0.003,
  1.538, 0.072, 1.154, 0.309, -0.063, 0.942,
  1.223, 2.374, -0.064, 0.77, -0.002, 0.424,
  -0.624, 1.854, 0.724, -0.057, -1.112, 0.594,
  0.836, 0.113, 1.468, 0.554, 0.716, 0.457,
  -1.741,
];
