-- Issue 11 item 7: Form 01's parents (name, age, job; the relation, address and phone the API also takes) as rows
-- of the case record, bounded as the intake checks them, instead of a JSON blob; and the informant's address beside
-- what the informant agreed to have recorded.
create table report_parent (
    report_id   uuid     not null references report (id),
    position    smallint not null check (position between 1 and 4),
    full_name   text check (char_length(full_name) <= 200),
    age         smallint check (age between 0 and 120),
    occupation  text check (char_length(occupation) <= 200),
    relation    text check (char_length(relation) <= 100),
    address     text check (char_length(address) <= 500),
    phone       text check (char_length(phone) <= 30),
    primary key (report_id, position)
);

insert into report_parent (report_id, position, full_name, age, occupation, relation, address, phone)
select r.id, p.n, left(p.v ->> 'fullName', 200),
       case when (p.v ->> 'age') ~ '^\d{1,3}$' and (p.v ->> 'age')::int <= 120 then (p.v ->> 'age')::smallint end,
       left(p.v ->> 'occupation', 200), left(p.v ->> 'relation', 100), left(p.v ->> 'address', 500),
       left(p.v ->> 'phone', 30)
  from report r, jsonb_array_elements(case when jsonb_typeof(r.parents) = 'array' then r.parents else '[]' end)
       with ordinality as p(v, n)
 where p.n <= 4 and jsonb_typeof(p.v) = 'object';

alter table report drop column parents;

alter table report add column informant_address text check (char_length(informant_address) <= 500);
update report set informant_address = left(informant ->> 'address', 500), informant = informant - 'address'
 where informant ? 'address';
