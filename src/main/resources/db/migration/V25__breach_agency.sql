-- A breach of the 12 hours is the breach of the agency the open step was routed to (the commune's police,
-- its health station, its officer): kept with the breach, because routing rules change over time.
alter table deadline_breach add column agency_id text;
