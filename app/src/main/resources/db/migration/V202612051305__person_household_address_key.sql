-- The normal form of a household's address inside its village (what follows the village's name: 2幢1单元602), so that
-- pushed lists writing the same address differently (永康市东城街道园丁社区2-1-602室) find the household's grid.
-- Filled by the application when households are written, and for existing rows at the next start.
ALTER TABLE person_household ADD COLUMN address_key varchar(200) COLLATE "C";
CREATE INDEX person_household_address_key_idx ON person_household (address_key, grid_code) WHERE address_key IS NOT NULL;
