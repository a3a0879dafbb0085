-- A million finished calls for the list benchmark; one To in a thousand is +14155550000.
INSERT INTO calls (sid, account_sid, to_endpoint, to_formatted, from_endpoint, from_formatted, status, direction,
    date_created, date_updated, start_time, end_time, duration, price, price_unit, queue_time, url, method,
    fallback_method, status_callback_method, status_callback_events, timeout_seconds, record_call,
    recording_status_callback_method, async_amd_status_callback_method, version, callback_sequence)
SELECT 'CA' || LPAD(CAST(x AS VARCHAR), 32, '0'), 'ACd1a170ed1a170ed1a170ed1a170e0000',
    '+1415555' || LPAD(CAST(MOD(x, 1000) AS VARCHAR), 4, '0'), NULL, '+15005550006', '(500) 555-0006', 'COMPLETED', 'outbound-api',
    TIMESTAMPTZ '2026-01-01 00:00:00+00' + x * INTERVAL '1 second',
    TIMESTAMPTZ '2026-01-01 00:00:00+00' + x * INTERVAL '1 second',
    TIMESTAMPTZ '2026-01-01 00:00:00+00' + x * INTERVAL '1 second',
    TIMESTAMPTZ '2026-01-01 00:00:00+00' + (x + 30) * INTERVAL '1 second',
    30, -0.014, 'USD', 0, 'http://app.test/twiml', 'POST', 'POST', 'POST', 'completed', 60, FALSE, 'POST', 'POST', 0, 0
FROM generate_series(1, 1000000) AS g(x);
