-- The signed text of an agreement is an attachment (documents domain) owned by the agreement
-- (owner_type 'agreement'); the API checks and links it on create/amend. A reference to no
-- attachment at all could only come from before that check and names nothing: clear it, then
-- let the database keep the reference valid. Deferred: the service writes the agreement first and
-- links the attachment after it (refusing an unknown id with its own 400) in the same transaction.
update agreements set document_attachment_id = null
 where document_attachment_id is not null
   and not exists (select 1 from attachments a where a.id = agreements.document_attachment_id);
alter table agreements add constraint agreements_document_fk foreign key (document_attachment_id)
  references attachments(id) deferrable initially deferred;
