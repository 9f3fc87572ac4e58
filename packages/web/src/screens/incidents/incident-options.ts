import type { Incident } from '../../api/types.ts';
import { pathsApiV1IncidentsGetParametersQueryStatusValues as statuses, pathsApiV1IncidentsPostRequestBodyContentApplicationJsonSeverityValues as severities } from '../../api/openapi.gen.ts';

// The choices the forms offer: the server's own enumerations, from its OpenAPI document.
export const STATUSES: ReadonlyArray<Incident['status']> = statuses;
export const SEVERITIES: ReadonlyArray<Incident['severity']> = severities;
