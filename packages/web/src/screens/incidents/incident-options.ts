import type { Incident } from '../../api/types.ts';

// The choices the forms offer, typed by the server's own incident shape.
export const STATUSES: ReadonlyArray<Incident['status']> = ['open', 'mitigated', 'resolved'];
export const SEVERITIES: ReadonlyArray<Incident['severity']> = ['critical', 'high', 'medium', 'low'];
