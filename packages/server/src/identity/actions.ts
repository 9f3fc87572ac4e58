import { Type } from '@sinclair/typebox';
import { Problem } from '../http/problem.ts';
import { StringEnum } from '../http/schema.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { requireFeature } from '../flags/feature-guard.ts';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { getSubject, insertSubject, listSubjects, updateSubject } from './subjects.ts';

export const SubjectIdSchema = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$' });
const Role = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' });
/** The attributes policies read of a subject (ABAC). */
export const SubjectAttributes = Type.Object(
  {
    department: Type.Optional(Type.String({ maxLength: 100 })),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    region: Type.Optional(Type.String({ maxLength: 50 })),
    employment_type: Type.Optional(StringEnum(['employee', 'contractor', 'intern'])),
  },
  { additionalProperties: false },
);

const SubjectView = Type.Object({
  subject_id: Type.String(),
  tenant_id: Type.String(),
  display_name: Type.String(),
  roles: Type.Array(Type.String()),
  attributes: Type.Record(Type.String(), Type.Unknown()),
  status: StringEnum(['active', 'disabled']),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});

const ApiKeyView = Type.Object({
  key_id: Type.String(),
  tenant_id: Type.String(),
  subject_id: Type.String(),
  name: Type.String(),
  roles: Type.Array(Type.String()),
  created_at: Type.String({ format: 'date-time' }),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const SubjectParams = Type.Object({ subjectId: SubjectIdSchema });
const KeyParams = Type.Object({ keyId: Type.String({ pattern: '^[0-9a-z]{20}$' }) });

export const createSubject = defineAction({
  name: 'subject.create',
  method: 'POST',
  path: '/subjects',
  summary: 'Register a subject (user or service) in the caller tenant',
  scope: 'tenant',
  status: 201,
  input: Type.Object(
    {
      subject_id: SubjectIdSchema,
      display_name: Type.String({ minLength: 1, maxLength: 120 }),
      roles: Type.Array(Role, { uniqueItems: true, maxItems: 32 }),
      attributes: Type.Optional(SubjectAttributes),
    },
    { additionalProperties: false },
  ),
  response: SubjectView,
  target: (_ctx, input) => `subject:${input.subject_id}`,
  run: async (ctx, input) => {
    const created = await insertSubject({ ...input, attributes: input.attributes ?? {} }, ctx.now);
    if (created === undefined) throw new Problem('conflict', `subject ${input.subject_id} already exists`);
    return created;
  },
});

export const getSubjectAction = defineAction({
  name: 'subject.get',
  method: 'GET',
  path: '/subjects/:subjectId',
  summary: 'Read a subject of the caller tenant',
  scope: 'tenant',
  params: SubjectParams,
  response: SubjectView,
  resource: (ctx) => getSubject(ctx.params.subjectId),
  target: (ctx) => `subject:${ctx.params.subjectId}`,
  run: async (_ctx, _input, subject) => subject,
});

export const listSubjectsAction = defineAction({
  name: 'subject.list',
  method: 'GET',
  path: '/subjects',
  summary: 'List the subjects of the caller tenant',
  scope: 'tenant',
  response: Type.Object({ subjects: Type.Array(SubjectView) }),
  run: async () => ({ subjects: await listSubjects() }),
});

export const updateSubjectAction = defineAction({
  name: 'subject.update',
  method: 'PATCH',
  path: '/subjects/:subjectId',
  summary: "Change a subject's name, roles, attributes or status",
  scope: 'tenant',
  params: SubjectParams,
  input: Type.Object(
    {
      display_name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
      roles: Type.Optional(Type.Array(Role, { uniqueItems: true, maxItems: 32 })),
      attributes: Type.Optional(SubjectAttributes),
      status: Type.Optional(StringEnum(['active', 'disabled'])),
    },
    { additionalProperties: false, minProperties: 1 },
  ),
  response: SubjectView,
  resource: (ctx) => getSubject(ctx.params.subjectId),
  target: (ctx) => `subject:${ctx.params.subjectId}`,
  run: async (ctx, input) => (await updateSubject(ctx.params.subjectId, input, ctx.now))!,
});

export const createApiKeyAction = defineAction({
  name: 'api_key.create',
  method: 'POST',
  path: '/api-keys',
  summary: 'Create an API key for a subject; the secret is in this response only',
  scope: 'tenant',
  status: 201,
  input: Type.Object(
    {
      subject_id: SubjectIdSchema,
      name: Type.String({ minLength: 1, maxLength: 100 }),
      roles: Type.Array(Role, { uniqueItems: true, minItems: 1, maxItems: 32 }),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({ key: ApiKeyView, secret: Type.String() }),
  resource: (_ctx, input) => getSubject(input.subject_id),
  run: async (ctx, input, subject) => {
    const extra = input.roles.filter((r) => !subject.roles.includes(r));
    if (extra.length > 0) {
      throw new Problem('invalid-request', 'a key can only carry roles its subject has', {
        errors: [{ in: 'body', field: 'roles', message: `subject lacks ${extra.join(', ')}` }],
      });
    }
    // A leaked admin key administers the whole tenant: allowed only where the flag is on.
    if (input.roles.includes('CompanyAdmin')) await requireFeature('identity.api-key-admin-roles', 'an API key with the CompanyAdmin role');
    return createApiKey(input, ctx.now);
  },
  target: (_ctx, _input, _subject, result) => `api_key:${result.key.key_id}`,
});

export const listApiKeysAction = defineAction({
  name: 'api_key.list',
  method: 'GET',
  path: '/api-keys',
  summary: 'List the API keys of the caller tenant (never their secrets)',
  scope: 'tenant',
  response: Type.Object({ keys: Type.Array(ApiKeyView) }),
  run: async () => ({ keys: await listApiKeys() }),
});

export const revokeApiKeyAction = defineAction({
  name: 'api_key.revoke',
  method: 'POST',
  path: '/api-keys/:keyId/revoke',
  summary: 'Revoke an API key',
  scope: 'tenant',
  params: KeyParams,
  response: ApiKeyView,
  resource: (ctx) => getApiKey(ctx.params.keyId),
  target: (ctx) => `api_key:${ctx.params.keyId}`,
  run: async (ctx) => (await revokeApiKey(ctx.params.keyId, ctx.now))!,
});

export const identityActions = [
  createSubject,
  getSubjectAction,
  listSubjectsAction,
  updateSubjectAction,
  createApiKeyAction,
  listApiKeysAction,
  revokeApiKeyAction,
];
