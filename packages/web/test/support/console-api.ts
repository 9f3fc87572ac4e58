/** A development token of `subject` of `tenant`, from the server's dev sign-in. */
export async function devToken(url: string, tenant: string, subject: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant_id: tenant, subject_id: subject }) });
  return ((await res.json()) as { token: string }).token;
}

/** Calls `/api/v1{path}` with the token, a JSON body (or another content type), and reads the JSON answer. */
export async function callApi(url: string, token: string, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}
