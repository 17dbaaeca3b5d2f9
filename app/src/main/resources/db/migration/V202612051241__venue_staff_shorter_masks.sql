-- Staff rosters keep the same shorter mask as every list: the first three and the last two characters.
UPDATE venue_staff
SET id_masked = left(id_masked, 3) || repeat('*', length(id_masked) - 5) || right(id_masked, 2)
WHERE length(id_masked) >= 10;
