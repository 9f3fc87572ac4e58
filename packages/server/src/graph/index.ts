import { entityActions } from './entity-actions.ts';
import { readActions } from './read-actions.ts';
import { relationshipActions } from './relationship-actions.ts';

// The entity graph's governed actions; other domains write their objects into it through ./mirror.ts.
export const graphActions = [...entityActions, ...relationshipActions, ...readActions];
export { mirrorEntity, mirrorLink, receiptEntityStatements, unlinkAll, type MirroredEntity } from './mirror.ts';
