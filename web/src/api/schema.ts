/**
 * Types of the API taken from the generated web/src/api/openapi.d.ts (`npm run gen:api`), so the
 * web app never restates a presenter's shape: when the server changes one, the web type check
 * names every place that no longer fits.
 */
import type { components, paths } from './openapi';

export type { components, paths };

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Json<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of the success answer (200 or 201) of `method path`. */
export type ResponseOf<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R } ? Json<R[200 & keyof R]> | Json<R[201 & keyof R]> : never;

/** The JSON request body of `method path`. */
export type RequestOf<P extends keyof paths, M extends Method> = paths[P][M] extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** The query parameters of `GET path`. */
export type QueryOf<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The error body every failed answer carries. */
export type ErrorBody = components['schemas']['ErrorBody'];

/**
 * Checks at compile time that `list` names every member of the union `T` (which the generated
 * types take from the server's enums), so a value added on the server breaks the web build where
 * the web keeps its own list (select options, checkbox groups) instead of silently leaving it out.
 * Use: `allOf<Role>()(['officer', …])`.
 */
export function allOf<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })): readonly T[] => list;
}
