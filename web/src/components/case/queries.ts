/** The recording API's reads, shared by the case pages (TanStack Query keys in one place). */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api.ts';
import type { EnforcementCategory } from '../../types.ts';
import type { CaseDetail, DocumentType, Procedure } from './types.ts';

export const caseKey = (id: string) => ['case', id] as const;
export const evidenceKey = (id: string) => ['case', id, 'evidence'] as const;

/**
 * After a change to a case: everything shown of it (page, timeline, evidence, file, access
 * requests: all keys under ['case', id]) and every list and count it appears in. With `detail`
 * (the server's answer to the change), the page shows it at once instead of asking again.
 */
export function caseChanged(client: QueryClient, id: string, detail?: CaseDetail): Promise<unknown> {
  if (detail) client.setQueryData(caseKey(id), detail);
  const ofThisCase = detail
    ? client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'case' && q.queryKey[1] === id && q.queryKey.length > 2 })
    : client.invalidateQueries({ queryKey: caseKey(id) });
  return Promise.all([
    ofThisCase,
    client.invalidateQueries({ queryKey: ['cases'] }),
    client.invalidateQueries({ queryKey: ['dashboard'] }),
    client.invalidateQueries({ queryKey: ['todo'] }),
  ]);
}

/**
 * The transitions tables (GET /api/procedures); they change only with a new release. The cast adds
 * only what the document leaves free-form or loose (each step's form as a JSON Schema, the id's enum).
 */
export function useProcedures() {
  return useQuery({
    queryKey: ['procedures'],
    queryFn: async () => (await unwrap(api.GET('/api/procedures'))).items as Procedure[],
    staleTime: Infinity,
  });
}

export function usePowerItems(category: EnforcementCategory | undefined) {
  return useQuery({
    queryKey: ['power-items', category],
    queryFn: async () => (await unwrap(api.GET('/api/power-items', { params: { query: { category } } }))).items,
    enabled: !!category,
  });
}

/** The uniform document library with each type's field schema (GET /api/document-types; the cast: `fields` is a JSON Schema). */
export function useDocumentTypes() {
  return useQuery({ queryKey: ['document-types'], queryFn: async () => (await unwrap(api.GET('/api/document-types'))).items as DocumentType[], staleTime: Infinity });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: () => unwrap(api.GET('/api/cases/{id}', { params: { path: { id } } })) });
}

export function useEvidence(caseId: string) {
  return useQuery({
    queryKey: evidenceKey(caseId),
    queryFn: async () => (await unwrap(api.GET('/api/cases/{id}/evidence', { params: { path: { id: caseId } } }))).items,
  });
}
