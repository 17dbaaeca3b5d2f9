-- Lists now mask identity documents to the first three and the last two characters (was: the first six and the last
-- four), so that a birth date or the place a person lives no longer completes the masked number. The new mask keeps a
-- subset of the old one's characters, so it is computed from the stored mask.
UPDATE person
SET id_masked = left(id_masked, 3) || repeat('*', length(id_masked) - 5) || right(id_masked, 2)
WHERE length(id_masked) >= 10;

-- Persons registered without a name (from a test result or a linked document) were named by their masked number.
UPDATE person
SET name = left(name, 3) || repeat('*', 13) || right(name, 2)
WHERE name ~ '^[0-9]{6}\*{8}[0-9]{3}[0-9X]$';
