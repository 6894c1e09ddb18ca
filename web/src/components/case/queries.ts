/** The recording API's reads, shared by the case pages (TanStack Query keys in one place). */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import type { CaseDetail, DocumentType, EvidenceItem, PowerItem, Procedure } from './types.ts';

export const caseKey = (id: string) => ['case', id] as const;
export const evidenceKey = (id: string) => ['case', id, 'evidence'] as const;

/** The transitions tables (GET /api/procedures); they change only with a new release. */
export function useProcedures() {
  return useQuery({
    queryKey: ['procedures'],
    queryFn: async () => (await api.get<{ items: Procedure[] }>('/api/procedures')).items,
    staleTime: Infinity,
  });
}

export function usePowerItems(category: string | undefined) {
  return useQuery({
    queryKey: ['power-items', category],
    queryFn: async () => (await api.get<{ items: PowerItem[] }>('/api/power-items', { category })).items,
    enabled: !!category,
  });
}

/** The uniform document library with each type's field schema (GET /api/document-types). */
export function useDocumentTypes() {
  return useQuery({ queryKey: ['document-types'], queryFn: async () => (await api.get<{ items: DocumentType[] }>('/api/document-types')).items, staleTime: Infinity });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: () => api.get<CaseDetail>(`/api/cases/${id}`) });
}

export function useEvidence(caseId: string) {
  return useQuery({
    queryKey: evidenceKey(caseId),
    queryFn: async () => (await api.get<{ items: EvidenceItem[] }>(`/api/cases/${caseId}/evidence`)).items,
  });
}
