/**
 * Scene cue weights, in the order of SCENE_FEATURES (scene.ts): title, title_locative, title_first, title_tail, dateline, scene_words, scene_loose, scene_framed, locative, trigger_sentence, lead, first_place, mentions, resident, local_police, route_only, no_preposition, typed, qualified, in_named_region, holds_named_place, state_support, state_conflict, country_support, country_conflict, site, home_state, reread, other_reading, most_populous, county_holds, county_police, population, p_place, p_admin2, p_admin1, p_country.
 * Written by `npm run train:scene` (scripts/train-scene.ts) from the tune parts of GVA dev and
 * UCDP GED dev (1484 + 2100 documents with a choice); do not edit by hand.
 */
export const SCENE_WEIGHTS: readonly number[] = [
  0.365, 0.161, -0.064, -0.374, 1.104, 0.156,
  -0.661, -0.34, 0.303, 0.444, 0.564, -0.017,
  1.393, 0.067, 1.165, 0.271, -0.087, 0.788,
  1.106, 2.348, -0.178, 0.87, -0.107, 0.332,
  -1.114, 1.842, 0.765, -0.214, -1.061, 0.684,
  0.732, 0.241, 1.125, 0.558, 0.742, 0.39,
  -1.706,
];
