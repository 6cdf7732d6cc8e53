/** The registry of requirement kinds. A new kind is a new module here; tiers stay data. */
import type { RequirementKind } from '../model.js';
import { certificates } from './certificates.js';
import { credits } from './credits.js';
import type { KindEvaluator } from './kind.js';
import { lab } from './lab.js';
import { personnel } from './personnel.js';
import { platform } from './platform.js';
import { projects } from './projects.js';
import { training } from './training.js';

export const kinds: { [K in RequirementKind]: KindEvaluator<K> } = { certificates, personnel, lab, platform, projects, credits, training };

export type { RequirementResult, RowNeed } from './kind.js';
