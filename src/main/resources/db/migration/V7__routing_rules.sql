-- Who carries each role of the process. Effective dates let a reform change the routing without
-- changing code: from 1 Mar 2025 child affairs moved from the labour to the health sector.
insert into routing_rule (role_key, agency_kind, scope, valid_from, valid_to) values
    ('commune-officer',     'CHILD_PROTECTION_OFFICER', 'COMMUNE',  '2016-06-01', null),
    ('commune-chairman',    'PEOPLES_COMMITTEE',        'COMMUNE',  '2016-06-01', null),
    ('police',              'POLICE',                   'COMMUNE',  '2016-06-01', null),
    ('education',           'SCHOOL',                   'COMMUNE',  '2016-06-01', null),
    ('health',              'HEALTH_STATION',           'COMMUNE',  '2016-06-01', null),
    ('province-supervisor', 'PROVINCE_LABOUR_DEPT',     'PROVINCE', '2016-06-01', '2025-02-28'),
    ('province-supervisor', 'PROVINCE_HEALTH_DEPT',     'PROVINCE', '2025-03-01', null),
    ('hotline',             'HOTLINE',                  'NATIONAL', '2016-06-01', null);
