-- A million finished calls for the list benchmark; one To in a thousand is +14155550000.
INSERT INTO calls (sid, account_sid, to_endpoint, to_formatted, from_endpoint, from_formatted, status, direction,
    date_created, date_updated, start_time, end_time, duration, price, price_unit, queue_time, url, method,
    fallback_method, status_callback_method, status_callback_events, timeout_seconds, record_call,
    recording_status_callback_method, async_amd_status_callback_method, version, callback_sequence)
SELECT 'CA' || LPAD(CAST("X" AS VARCHAR), 32, '0'), 'ACd1a170ed1a170ed1a170ed1a170e0000',
    '+1415555' || LPAD(CAST(MOD("X", 1000) AS VARCHAR), 4, '0'), NULL, '+15005550006', '(500) 555-0006', 'COMPLETED', 'outbound-api',
    DATEADD('SECOND', "X", TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'),
    DATEADD('SECOND', "X", TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'),
    DATEADD('SECOND', "X", TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'),
    DATEADD('SECOND', "X" + 30, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'),
    30, -0.014, 'USD', 0, 'http://app.test/twiml', 'POST', 'POST', 'POST', 'completed', 60, FALSE, 'POST', 'POST', 0, 0
FROM SYSTEM_RANGE(1, 1000000);
