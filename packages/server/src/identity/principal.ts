// The authenticated caller, enriched from the subject store.
export interface Principal {
  subjectId: string;
  tenantId: string;
  roles: string[];
  attributes: SubjectAttributes;
  credential: 'jwt' | 'api_key';
  apiKeyId?: string | undefined;
  issuer?: string | undefined;
  /** Authentication strength claims, kept for step-up checks. */
  acr?: string | undefined;
  amr?: string[] | undefined;
  authTime?: number | undefined;
}

export interface SubjectAttributes {
  department?: string;
  country?: string;
  region?: string;
  employment_type?: string;
  [key: string]: unknown;
}
