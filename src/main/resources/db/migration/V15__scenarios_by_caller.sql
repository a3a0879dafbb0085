-- A scenario may match the calling number (From) as well as, or instead of, the called one.
ALTER TABLE scenarios ADD COLUMN from_number VARCHAR;
ALTER TABLE scenarios ADD COLUMN from_pattern VARCHAR;
