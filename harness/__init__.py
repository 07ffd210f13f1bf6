"""What the tests and the benchmarks share to drive the real service from outside: fake Telegram and Twilio
APIs on 127.0.0.1, a loopback server, `lapor serve` as a process, the outbox dispatcher run to the end.
Neither the product nor a test module is imported from here the other way round."""

TEST_SECRET = "test-secret-key-for-lapor-at-least-32-chars"  # SECRET_KEY of every database a test or a benchmark makes
DESCRIPTION = "Motor tetangga dicuri di depan rumah saat parkir tadi malam"  # a resident's typical account
