import type { AnswerOf } from '../api/types.ts';

export type PortalSession = AnswerOf<'portal.session.get'>;
export type PortalOverview = AnswerOf<'portal.overview.get'>;
export type PortalAudit = AnswerOf<'portal.audit.list'>;
export type PortalBilling = AnswerOf<'portal.billing.get'>;
export type PortalFinance = AnswerOf<'portal.finance.get'>;
export type PortalSupplyChain = AnswerOf<'portal.supply_chain.get'>;
export type AcceptedInvitation = AnswerOf<'portal.invitation.accept'>;
