export const INSTITUTION_KINDS = ['ministry', 'agency', 'parliament', 'subnational_government', 'independent_commission',
  'judiciary', 'civil_society', 'academia', 'private_sector', 'media', 'international_body', 'other'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
