-- Nothing to do on PostgreSQL: taking the next value costs no commit there, and a cache would be
-- kept per connection, so rows written later could get smaller ids; a call's webhooks and its
-- journal are ordered by id.
SELECT 1;
