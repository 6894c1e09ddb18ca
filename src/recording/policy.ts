import type { Policy } from '../accounts/scope.js';

/**
 * Recording permissions (R1–R16). Officers run cases; division heads and leaders approve;
 * supervisors read everything in their region; nobody deletes anything.
 */
export type RecordingPermission =
  | 'case.read'
  | 'case.work' // open a case, complete steps, issue documents, add evidence
  | 'case.approve' // leader approvals inside steps (filing, outcome, decision)
  | 'power_item.manage'
  | 'av_list.manage' // the agency's 音像记录事项清单 (R3)
  | 'device.manage' // register devices, lend and take back (R14)
  | 'archive.manage' // compile and transfer case files (R8)
  | 'access.request'
  | 'access.opinion' // division head's opinion (R9)
  | 'access.decide' // leader's approval (R9)
  | 'evidence.read_privacy' // personal-privacy evidence
  | 'evidence.read_trade_secret'
  | 'evidence.read_state_secret';

export const recordingPolicy: Policy<RecordingPermission> = {
  'case.read': ['officer', 'division_head', 'legal_reviewer', 'agency_leader', 'agency_admin', 'supervisor'],
  'case.work': ['officer', 'division_head', 'agency_leader'],
  'case.approve': ['agency_leader'],
  'power_item.manage': ['agency_admin'],
  'av_list.manage': ['agency_admin', 'agency_leader'],
  'device.manage': ['agency_admin', 'division_head'],
  'archive.manage': ['agency_admin', 'division_head', 'agency_leader'],
  'access.request': ['officer', 'division_head', 'legal_reviewer', 'agency_leader', 'agency_admin'],
  'access.opinion': ['division_head'],
  'access.decide': ['agency_leader'],
  'evidence.read_privacy': ['officer', 'division_head', 'legal_reviewer', 'agency_leader', 'supervisor'],
  'evidence.read_trade_secret': ['division_head', 'legal_reviewer', 'agency_leader', 'supervisor'],
  'evidence.read_state_secret': ['agency_leader'],
};
