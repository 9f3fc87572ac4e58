-- Operational signals read in platform scope: when receipts were queued, how far each tenant's
-- log and checkpoints have come. Times, sizes and ids only; no receipt or checkpoint contents
-- are read by the metrics queries.

-- A queued receipt carries its issue time, so the age of what waits for the ledger is known
-- without reading the receipt itself.
ALTER TABLE ledger_queue ADD COLUMN queued_at timestamptz;

CREATE OR REPLACE FUNCTION app_enqueue_receipt() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_queue (tenant_id, receipt_id, queued_at) VALUES (NEW.tenant_id, NEW.receipt_id, NEW.issued_at);
  RETURN NULL;
END
$$;

UPDATE ledger_queue q SET queued_at = r.issued_at FROM receipts r WHERE r.tenant_id = q.tenant_id AND r.receipt_id = q.receipt_id;

CREATE POLICY ledger_leaves_platform_scan ON ledger_leaves FOR SELECT TO companyos_platform USING (true);
CREATE POLICY ledger_checkpoints_platform_scan ON ledger_checkpoints FOR SELECT TO companyos_platform USING (true);
