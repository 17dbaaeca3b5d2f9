-- Organizer accounts (role ORGANIZER) are bound to a registered organizer unit of the meetings-and-events module.
ALTER TABLE account_user ADD COLUMN organizer_id bigint;
