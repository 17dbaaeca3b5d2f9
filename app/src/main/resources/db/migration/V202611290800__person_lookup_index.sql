-- Bulk matching (push lists, check-in batches, test results) looks persons up by keyed hash alone; the unique
-- constraint leads with the document type and cannot serve that.
CREATE INDEX person_id_hash_idx ON person (id_number_hash);
