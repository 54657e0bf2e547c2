/** Medusa's admin API as a logged-in admin (a bearer token from the emailpass login). */
export type AdminApi = <T = any>(method: string, route: string, body?: unknown) => Promise<{ status: number; data: T }>

export async function logInAdminApi(url: string, admin: { email: string; password: string }): Promise<AdminApi> {
  const login = await fetch(`${url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(admin),
  })
  if (!login.ok) throw new Error(`The admin cannot log in: ${login.status} ${await login.text()}`)
  const { token } = (await login.json()) as { token: string }
  return async (method, route, body) => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    // Routes that do not exist (the plugin's, once it is removed) answer Express's HTML 404.
    const isJson = response.headers.get("content-type")?.includes("application/json")
    const text = await response.text()
    return { status: response.status, data: isJson && text ? JSON.parse(text) : text || undefined }
  }
}

/** The call's answer when it is a 2xx; anything else throws with the route and Medusa's message. */
export async function expectOk<T = any>(api: AdminApi, method: string, route: string, body?: unknown): Promise<T> {
  const { status, data } = await api<T>(method, route, body)
  if (status < 200 || status >= 300) throw new Error(`${method} ${route}: ${status} ${JSON.stringify(data)}`)
  return data
}
