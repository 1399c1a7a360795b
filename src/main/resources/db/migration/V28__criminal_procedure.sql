-- Issue 9 item 7 (crime reports): a case whose report or verification indicates a crime is marked for
-- criminal procedure; the commune police confirm receipt and record how it was handled (PENDING until
-- then), with the decision's number and date for a prosecution or an administrative sanction. The
-- statistics count the outcomes.
alter table case_file
    add column criminal_procedure        boolean not null default false,
    add column handling_outcome          text check (handling_outcome in ('PENDING', 'PROSECUTED', 'ADMINISTRATIVE_SANCTION', 'NONE')),
    add column handling_decision_number  text,
    add column handling_decision_date    date;
