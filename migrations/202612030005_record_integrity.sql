-- The record holds against the table owner (issue 7). Parties are written once, when a case is
-- opened, and never changed: append-only here, and the application role loses UPDATE and DELETE on
-- them (src/platform/db/roles.ts reads these triggers). Each party gets a random salt, and the
-- case.opened event carries SHA-256 over the salt and the party's identity fields, so that
-- `sanxiang verify` names a changed ID number or address without the record showing either (the
-- timeline is displayed; an unsalted hash of an 18-digit ID number could be guessed).
-- The other rows with evidential meaning stay mutable for the application (case state, officers,
-- access requests, device loans, the case file) and are re-derived from the chains by verify.
alter table case_parties add column identity_salt text;

create trigger case_parties_no_update before update or delete on case_parties
  for each row execute function reject_change();
create trigger case_parties_no_truncate before truncate on case_parties
  for each statement execute function reject_change();
revoke update, delete, truncate on case_parties from public;
