-- GET /dialtone/requests reads an account's journal across its calls, and a reset deletes it.
CREATE INDEX call_requests_by_account ON call_requests (account_sid, id);
