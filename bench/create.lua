-- wrk: create a call (form body, Basic auth), as an SDK would.
wrk.method = "POST"
wrk.body = "To=%2B14155550100&From=%2B15005550006&Url=http%3A%2F%2F127.0.0.1%3A9%2Ftwiml"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic QUNkMWExNzBlZDFhMTcwZWQxYTE3MGVkMWExNzBlMDAwMDpkaWFsdG9uZWRldnRva2VuMDAwMDAwMDAwMDAwMDAwMA=="
