-- Who deployed which models and why: the change note a process owner gives with each deployment
-- (from the models page, or the deployment name given in Camunda Modeler).
create table model_deployment (
    deployment_id   text primary key,
    note            text not null,
    deployed_by     text not null,
    deployed_at     timestamptz not null,
    redeployed_from text
);
