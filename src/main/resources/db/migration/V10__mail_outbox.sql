-- E-mail copies of notifications: a transactional outbox. A row is written in the transaction that
-- wrote its notification, so a mail exists exactly when the notification does, and the sender
-- delivers it afterwards, retrying until the SMTP server takes it. One row per (notification,
-- recipient): a timer that runs twice finds its notification already there and enqueues nothing.
-- Subject and body hold the case number, step, deadline and a link only, never a child's data.
create table mail_outbox (
    id              bigserial primary key,
    notification_id bigint not null references notification (id),
    recipient       text not null,
    email           text not null,
    subject         text not null,
    body            text not null,
    created_at      timestamptz not null default now(),
    next_attempt_at timestamptz not null default now(),
    attempts        int not null default 0,
    last_attempt_at timestamptz,
    last_error      text,
    sent_at         timestamptz,
    unique (notification_id, recipient)
);
-- the sender's queue: only unsent rows, oldest due first
create index mail_outbox_due on mail_outbox (next_attempt_at, id) where sent_at is null;
