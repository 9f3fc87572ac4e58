-- The operator's SLO view reads, across tenants in platform scope, when decisions were made and
-- how long they took, when receipts were issued, and which allowed actions name a receipt.
-- The queries read times, latencies and ids only (never inputs, results or receipt bodies);
-- writes stay tenant-scoped.

CREATE POLICY policy_decisions_platform_scan ON policy_decisions FOR SELECT TO companyos_platform USING (true);
CREATE POLICY receipts_platform_scan ON receipts FOR SELECT TO companyos_platform USING (true);
CREATE POLICY audit_events_platform_scan ON audit_events FOR SELECT TO companyos_platform USING (true);
