/** The authenticated caller, from a verified access token; `principal` in the request context (null: anonymous). */
export interface Principal {
  userId: number
  email: string
  roles: string[]
}
