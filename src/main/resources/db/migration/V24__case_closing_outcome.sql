-- Issue 9 item 3 (unfounded reports close early): how a closed case ended, for the statistics. A report
-- that verification found unfounded and the chairman closed counts as "verified, not a case"
-- (VERIFIED_NOT_A_CASE, with the reason the officer chose); every other closed case was handled as a case
-- (CASE_HANDLED). Null while the case is open. The reason's free text stays in the verification step's record.
alter table case_file
    add column closing_outcome text check (closing_outcome in ('CASE_HANDLED', 'VERIFIED_NOT_A_CASE')),
    add column closing_reason  text check (closing_reason in ('false_report', 'already_resolved', 'duplicate', 'other'));

update case_file set closing_outcome = 'CASE_HANDLED' where status = 'CLOSED';
