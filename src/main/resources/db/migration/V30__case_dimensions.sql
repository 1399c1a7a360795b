-- Issue 10 item 1: the dimensions the statistics count cases and children by, on the case (not in process
-- variables), captured at intake (Form 01), corrected at verification and completed at assessment; every change
-- after intake is audited with before and after. The codes are the Java enums of vn.trean.casefile.Dimensions.
-- The handling outcome (V28: case_file.handling_outcome ...) and the outcome at closing (V24:
-- case_file.closing_outcome, closing_reason) are not repeated here.

-- One row per case, written when the case is opened.
create table case_classification (
    case_id               uuid primary key references case_file (id),
    -- the abuse forms as now known; report.abuse_forms keeps what the receiving point recorded
    abuse_forms           text[] not null default '{}',
    environment           text check (environment in ('FAMILY', 'SCHOOL', 'COMMUNITY', 'ONLINE', 'WORKPLACE', 'OTHER')),
    perpetrator_relation  text check (perpetrator_relation in ('PARENT', 'STEP_PARENT', 'OTHER_RELATIVE', 'CARER',
                                                               'TEACHER', 'EMPLOYER', 'ACQUAINTANCE', 'STRANGER',
                                                               'OTHER', 'UNKNOWN')),
    perpetrator_age_group text check (perpetrator_age_group in ('UNDER_16', 'FROM_16_TO_17', 'ADULT', 'UNKNOWN')),
    perpetrator_sex       text check (perpetrator_sex in ('MALE', 'FEMALE', 'UNKNOWN')),
    -- only as the police record it (record_crime_outcome), never from intake
    perpetrator_name      text check (length(perpetrator_name) <= 200),
    -- set only with the special circumstance DISABLED
    disability_severity   text check (disability_severity in ('EXTREMELY_SEVERE', 'SEVERE', 'MILD')),
    updated_at            timestamptz not null,
    updated_by            text not null
);
create index case_classification_environment on case_classification (environment);

-- The sub-types of the exploitation and sexual-abuse forms (procedure.md, "Abuse forms").
create table case_abuse_subtype (
    case_id    uuid not null references case_file (id),
    abuse_form text not null,
    subtype    text not null,
    primary key (case_id, subtype),
    check ((abuse_form = 'EXPLOITATION' and subtype in ('ILLEGAL_LABOUR', 'PORNOGRAPHY', 'SEX_TOURISM_OR_PROSTITUTION',
                                                        'DRUG_OR_CONTRABAND', 'OTHER_PROFITEERING'))
        or (abuse_form = 'SEXUAL_ABUSE' and subtype in ('RAPE', 'FORCED_SEX', 'UNDERAGE_INTERCOURSE', 'MOLESTATION',
                                                         'PROSTITUTION_OR_PORNOGRAPHY_USE')))
);
create index case_abuse_subtype_subtype on case_abuse_subtype (subtype, case_id);

-- The groups of children in special circumstances (Law on Children 2016, art. 10), 14.
create table case_special_circumstance (
    case_id      uuid not null references case_file (id),
    circumstance text not null check (circumstance in ('ORPHANED', 'ABANDONED', 'WITHOUT_SUPPORT', 'DISABLED',
                                                       'HIV_AIDS', 'IN_CONFLICT_WITH_LAW', 'DRUG_ADDICTED',
                                                       'WORKING_SCHOOL_DROPOUT', 'SERIOUSLY_HARMED_BY_VIOLENCE',
                                                       'EXPLOITED', 'SEXUALLY_ABUSED', 'TRAFFICKED',
                                                       'SERIOUS_ILLNESS_POOR_HOUSEHOLD', 'UNACCOMPANIED_MIGRANT')),
    primary key (case_id, circumstance)
);
create index case_special_circumstance_circumstance on case_special_circumstance (circumstance, case_id);

-- Every case opened before this version: its abuse forms as reported, nothing else known yet.
insert into case_classification (case_id, abuse_forms, updated_at, updated_by)
select r.case_id, r.abuse_forms, c.created_at, 'migration'
from report r join case_file c on c.id = r.case_id
where not r.linked;

-- The support given: what a measure actually cost, recorded when its task is completed (implement_measure).
alter table plan_measure add column actual_cost numeric(14, 0) check (actual_cost >= 0);

-- A stable pseudonymous key of the child (HMAC-SHA256 of the folded name, birth date or estimated birth year and
-- the commune, keyed by trean.statistics.person-key-secret), so that one child in two cases counts once. Rows of
-- earlier versions are keyed at the next start (PersonKeyBackfill).
alter table child add column person_key text;
create index child_person_key on child (person_key);
