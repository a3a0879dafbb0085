-- What Twilio's Call Events and Notifications resources show beyond the journal's first columns.
ALTER TABLE call_requests ADD COLUMN content_type VARCHAR(255);
ALTER TABLE call_requests ALTER COLUMN kind SET DATA TYPE VARCHAR(32);
ALTER TABLE notifications ADD COLUMN request_variables VARCHAR;
ALTER TABLE notifications ADD COLUMN response_headers VARCHAR;
ALTER TABLE notifications ADD COLUMN response_body VARCHAR;
