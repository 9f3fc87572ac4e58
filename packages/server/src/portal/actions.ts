import { invitationActions } from './invitation-actions.ts';
import { portalViewActions } from './view-actions.ts';

export const portalActions = [...invitationActions, ...portalViewActions];
