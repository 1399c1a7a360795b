-- A process owner's unfinished edit of a model, kept apart from the engine: saving a draft deploys
-- nothing, so a half-done change never reaches new cases. One draft per resource (file) name.
create table model_draft (
    resource_name text primary key,
    content       text not null,
    saved_by      text not null,
    saved_at      timestamptz not null
);
