-- The cases with an earlier case of the same child are read for every report (StatisticsQueries): all a report reads
-- of them is in the index, so that it does not visit the table. A commune's scope names its province too, so both
-- scopes use the province-first indexes. The plans' index of V32 is no longer read (plans are kept in the months).
drop index statistics_case_repeats;
create index statistics_case_repeats on statistics_case (province_code, received_on)
    include (commune_code, received_month, is_case, abused, child_sex, child_age, child_prev_on, abused_prev_on,
             abuse_forms, form_prev_on)
    where child_prev_on is not null or abused_prev_on is not null;
drop index statistics_case_plans;
