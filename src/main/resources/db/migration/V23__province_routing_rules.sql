-- Issue 8 items 2-4: a routing rule may hold for one province only (a province administrator's own rules);
-- null keeps it nationwide. For a case of a province, a rule of that province wins over a nationwide rule of
-- the same role on the same day (see Organisation.agencyForRole).
alter table routing_rule add column province_list text not null default 'V2025' check (province_list = 'V2025');
alter table routing_rule add column province_code text;
alter table routing_rule add constraint routing_rule_province
    foreign key (province_list, province_code) references locality (list, code);
create index routing_rule_role_province on routing_rule (role_key, province_code);
