-- In-app notifications; each one also leaves an outbox job (notifications.deliver) for e-mail/SMS senders.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  kind text not null,
  title_zh text not null,
  title_en text not null,
  body_zh text not null default '',
  body_en text not null default '',
  link text,
  read_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz not null
);
create index notifications_user_idx on notifications(user_id, created_at desc);
create index notifications_unread_idx on notifications(user_id) where read_at is null;
