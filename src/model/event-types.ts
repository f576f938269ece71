/**
 * The ACLED event scheme as data: each category (ACLED's event_type) with its types (sub_event_type),
 * spelled both ways — sitrep's snake_case and ACLED's own labels — and its disorder type. Read-only;
 * the filter parser, the exports and the page's legend all read this one table.
 */

export interface EventCategory {
  /** snake_case, as `category` holds it. */
  id: string;
  /** ACLED's event_type spelling. */
  label: string;
  /** ACLED's disorder_type. */
  disorder: 'Political violence' | 'Demonstrations' | 'Strategic developments';
  /** sub-event types: snake_case id → ACLED's spelling. */
  types: Readonly<Record<string, string>>;
}

export const EVENT_CATEGORIES: readonly EventCategory[] = [
  {
    id: 'battles', label: 'Battles', disorder: 'Political violence',
    types: { armed_clash: 'Armed clash', government_regains_territory: 'Government regains territory', non_state_actor_overtakes_territory: 'Non-state actor overtakes territory' },
  },
  {
    id: 'explosions_remote_violence', label: 'Explosions/Remote violence', disorder: 'Political violence',
    types: {
      chemical_weapon: 'Chemical weapon', air_drone_strike: 'Air/drone strike', suicide_bomb: 'Suicide bomb',
      shelling_artillery_missile_attack: 'Shelling/artillery/missile attack', remote_explosive_landmine_ied: 'Remote explosive/landmine/IED', grenade: 'Grenade',
    },
  },
  {
    id: 'violence_against_civilians', label: 'Violence against civilians', disorder: 'Political violence',
    types: { sexual_violence: 'Sexual violence', attack: 'Attack', abduction_forced_disappearance: 'Abduction/forced disappearance' },
  },
  {
    id: 'protests', label: 'Protests', disorder: 'Demonstrations',
    types: { peaceful_protest: 'Peaceful protest', protest_with_intervention: 'Protest with intervention', excessive_force_against_protesters: 'Excessive force against protesters' },
  },
  { id: 'riots', label: 'Riots', disorder: 'Demonstrations', types: { violent_demonstration: 'Violent demonstration', mob_violence: 'Mob violence' } },
  {
    id: 'strategic_developments', label: 'Strategic developments', disorder: 'Strategic developments',
    types: {
      agreement: 'Agreement', arrests: 'Arrests', change_to_group_activity: 'Change to group/activity', disrupted_weapons_use: 'Disrupted weapons use',
      headquarters_or_base_established: 'Headquarters or base established', looting_property_destruction: 'Looting/property destruction',
      non_violent_transfer_of_territory: 'Non-violent transfer of territory', other: 'Other',
    },
  },
];

/**
 * ACLED's disorder_type of one type: violence against protesters is both (ACLED's codebook codes
 * excessive force as "Political violence; Demonstrations"), mob violence is political violence.
 */
export function disorderType(category: string, type: string): string {
  if (type === 'excessive_force_against_protesters') return 'Political violence; Demonstrations';
  if (type === 'mob_violence') return 'Political violence';
  return EVENT_CATEGORIES.find((c) => c.id === category)?.disorder ?? '';
}

/** ACLED's spelling of a category or type id ("air_drone_strike" → "Air/drone strike"), else the id. */
export function acledLabel(id: string): string {
  for (const c of EVENT_CATEGORIES) {
    if (c.id === id) return c.label;
    if (c.types[id]) return c.types[id];
  }
  return id;
}
