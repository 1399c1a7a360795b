-- Why a report was filed long after it was received (issue 7 item 10): a time of receipt older than
-- trean.intake.max-report-age is accepted only with a stated reason, kept with the report.
alter table trean.report add column late_reason text;
