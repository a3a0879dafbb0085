-- The SIP code a planned ending will report, apart from the one a call ended with: until now one
-- column meant both, so a ringing call's callbacks could show the code of an ending still to come.
ALTER TABLE calls ADD COLUMN planned_sip_response_code INTEGER;
