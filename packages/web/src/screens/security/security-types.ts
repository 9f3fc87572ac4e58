import type { HighRiskDetail, HighRiskRequest, HistoryEntry, RequestMissingReceipts, RequestState } from '@companyos/server';

// Shapes of the high-risk access routes (/high-risk-ops, see docs/high-risk-access.md).

export type RequestStatus = RequestState;
export const REQUEST_STATUSES: RequestStatus[] = ['requested', 'approved', 'active', 'reverted', 'denied', 'cancelled', 'expired', 'failed'];

export type { HighRiskDetail, HighRiskRequest, HistoryEntry };

/** The temporary login, in the answer to execute only. */
export interface AccessCredentials {
  username: string;
  password: string;
  database: string;
  valid_until: string;
}

/** An executed request whose history holds more steps of a kind than receipts (GET /high-risk-ops/missing-receipts). */
export type MissingReceipts = RequestMissingReceipts;

export const REQUESTS_PATH = '/high-risk-ops/requests';
export const requestPath = (id: string) => `${REQUESTS_PATH}/${encodeURIComponent(id)}`;
