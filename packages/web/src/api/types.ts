// The API's shapes, as the server declares them (type-only: nothing of the server is bundled).
import type { AuditEvent, BrandingView, Tenant as ServerTenant, TenantConfig } from '@companyos/server';
export type { TenantOverview, Runbook, RunbookVersion, Incident, IncidentDetail, IncidentEvent } from '@companyos/server';

import {
  pathsApiV1TenantsIdConfigGetResponses200ContentApplicationJsonData_classesValues as dataClasses,
  pathsApiV1TenantsIdConfigGetResponses200ContentApplicationJsonData_regionValues as regions,
  pathsApiV1TenantsIdConfigGetResponses200ContentApplicationJsonEnvValues as envs,
} from './openapi.gen.ts';
import type { operations } from './openapi.gen.ts';

export type { AuditEvent, TenantConfig };
// The enumerations come from the server's OpenAPI document (openapi.gen.ts), never copied here.
export type Region = TenantConfig['data_region'];
export const REGIONS: readonly Region[] = regions;
export type DataClass = TenantConfig['data_classes'][number];
export const DATA_CLASSES: readonly DataClass[] = dataClasses;
export type Env = TenantConfig['env'];
export const ENVS: readonly Env[] = envs;

/** A tenant's public branding (GET /tenants/{id}/branding). */
export type Branding = BrandingView;
export type BrandColors = BrandingView['colors'];

export type Tenant = ServerTenant;

/** A tenant as the operators' list returns it (GET /tenants). */
export interface TenantListing extends Tenant {
  /** The active policy bundle: version null is the server's base bundle; tags name what it governs (pii, finance, ...). */
  policy_bundle: { version: number | null; hash: string; tags: string[] };
  /** Boolean flags on for the tenant itself, by the flag system. */
  enabled_flags: string[];
}

export interface AuditPage {
  events: AuditEvent[];
  next_cursor: string | null;
}

/** The server's verification of a stored evidence pack (POST /audit/exports/{id}/verify). */
export interface ExportVerification {
  export_id: string;
  /** True only when every check ran and passed. */
  ok: boolean;
  /** The tenant's published keys the pack was checked against. */
  keys: string[];
  checks: { check: string; description: string; outcome: 'passed' | 'failed' | 'not_run' }[];
  failures: { code: string; message: string; file?: string; line?: number }[];
  counts: Record<string, number> | null;
}


/** The JSON a governed action answers with, as the OpenAPI document declares it. */
export type AnswerOf<Name extends keyof operations> = operations[Name] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

/** A partner cohort's onboarding (GET /onboarding/cohorts/{cohort}). */
export type CohortReport = AnswerOf<'onboarding.cohort.get'>;
/** A board pack made so far (GET /board-packs). */
export type BoardPack = AnswerOf<'board.pack.list'>['board_packs'][number];
