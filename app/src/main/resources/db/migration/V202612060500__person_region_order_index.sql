-- The person list is read a page at a time in the order of region, name and id, for the whole city or for one area
-- (region_code LIKE '<code>%'): an index in that order answers a page without sorting every person of the area.
CREATE INDEX person_region_order_idx ON person (region_code, name, id);
