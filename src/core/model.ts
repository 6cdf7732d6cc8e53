/**
 * Domain types. `Dossier` and `Standard` are derived from their JSON Schemas,
 * so the validator and the engine can never disagree about a field.
 */
import type { FromSchema } from 'json-schema-to-ts';
import type { dossierCoreSchema } from '../schemas/dossier-schema.js';
import type { standardSchema } from '../schemas/standard-schema.js';

export type Dossier = FromSchema<typeof dossierCoreSchema, { keepDefaultedPropertiesOptional: true }>;
export type Engineer = Dossier['engineers'][number];
export type Certificate = NonNullable<Engineer['certificates']>[number];

export type Standard = FromSchema<typeof standardSchema, { keepDefaultedPropertiesOptional: true }>;
export type Requirement = Standard['requirements'][number];
export type RequirementKind = Requirement['kind'];
export type RequirementOf<K extends RequirementKind> = Extract<Requirement, { kind: K }>;
export type Tier = Standard['tiers'][number];
