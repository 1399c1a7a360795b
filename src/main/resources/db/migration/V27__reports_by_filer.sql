-- Issue 9, item 5: a filer (a village collaborator above all) lists the reports they filed, by user name.
create index report_receiving_officer on report (receiving_officer) where not linked;
