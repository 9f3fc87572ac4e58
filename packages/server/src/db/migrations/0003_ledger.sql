-- Provenance ledger: tenant signing keys, the integration queue, the Merkle tree of receipts,
-- signed checkpoints and content-addressed evidence blobs.

-- Tenant Ed25519 keys. A key is never deleted; the one change allowed is its retirement.
CREATE TABLE tenant_keys (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  kid text NOT NULL,
  public_key bytea NOT NULL CHECK (length(public_key) = 32),
  wrapped_private_key bytea NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'retired')),
  not_before timestamptz NOT NULL,
  not_after timestamptz,
  PRIMARY KEY (tenant_id, kid),
  CHECK ((status = 'active') = (not_after IS NULL))
);

CREATE OR REPLACE FUNCTION app_retire_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR OLD.status <> 'active' OR NEW.status <> 'retired'
     OR NEW.tenant_id <> OLD.tenant_id OR NEW.kid <> OLD.kid OR NEW.public_key <> OLD.public_key
     OR NEW.wrapped_private_key <> OLD.wrapped_private_key OR NEW.not_before <> OLD.not_before THEN
    RAISE EXCEPTION '% rows can only be retired', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;

-- Receipts waiting for a leaf index. A row becomes visible to the integrator only when the
-- action's transaction commits, so taking whatever is visible never skips a receipt that commits
-- late with a smaller id: it is simply integrated in a later batch.
CREATE TABLE ledger_queue (
  tenant_id text NOT NULL,
  receipt_id uuid NOT NULL,
  seq bigserial NOT NULL,
  PRIMARY KEY (tenant_id, receipt_id),
  FOREIGN KEY (tenant_id, receipt_id) REFERENCES receipts (tenant_id, receipt_id)
);
CREATE INDEX ledger_queue_order ON ledger_queue (tenant_id, seq);

CREATE OR REPLACE FUNCTION app_enqueue_receipt() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_queue (tenant_id, receipt_id) VALUES (NEW.tenant_id, NEW.receipt_id);
  RETURN NULL;
END
$$;
CREATE TRIGGER receipts_enqueue AFTER INSERT ON receipts FOR EACH ROW EXECUTE FUNCTION app_enqueue_receipt();

-- Leaf index of each integrated receipt.
CREATE TABLE ledger_leaves (
  tenant_id text NOT NULL,
  leaf_index bigint NOT NULL CHECK (leaf_index >= 0),
  receipt_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, leaf_index),
  UNIQUE (tenant_id, receipt_id),
  FOREIGN KEY (tenant_id, receipt_id) REFERENCES receipts (tenant_id, receipt_id)
);

-- Complete-subtree hashes: (level, idx) covers leaves [idx*2^level, (idx+1)*2^level).
CREATE TABLE ledger_nodes (
  tenant_id text NOT NULL,
  level smallint NOT NULL CHECK (level >= 0 AND level < 64),
  idx bigint NOT NULL CHECK (idx >= 0),
  hash bytea NOT NULL CHECK (length(hash) = 32),
  PRIMARY KEY (tenant_id, level, idx)
);

CREATE TABLE ledger_checkpoints (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  tree_size bigint NOT NULL CHECK (tree_size >= 0),
  root_hash bytea NOT NULL CHECK (length(root_hash) = 32),
  note text NOT NULL,
  kid text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, tree_size),
  FOREIGN KEY (tenant_id, kid) REFERENCES tenant_keys (tenant_id, kid)
);

CREATE TABLE evidence_blobs (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  media_type text NOT NULL,
  size integer NOT NULL CHECK (size >= 0),
  content bytea NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, sha256)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_keys', 'ledger_queue', 'ledger_leaves', 'ledger_nodes', 'ledger_checkpoints', 'evidence_blobs'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_tenant', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_platform USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_platform_tenant', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['ledger_leaves', 'ledger_nodes', 'ledger_checkpoints', 'evidence_blobs'] LOOP
    EXECUTE format('GRANT SELECT, INSERT ON %I TO companyos_app, companyos_platform', t);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM companyos_app, companyos_platform', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION app_reject_mutation()', t || '_append_only', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION app_reject_mutation()', t || '_no_truncate', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT ON tenant_keys TO companyos_app, companyos_platform;
GRANT UPDATE (status, not_after) ON tenant_keys TO companyos_app, companyos_platform;
CREATE TRIGGER tenant_keys_retire_only BEFORE UPDATE OR DELETE ON tenant_keys FOR EACH ROW EXECUTE FUNCTION app_retire_only();
CREATE TRIGGER tenant_keys_no_truncate BEFORE TRUNCATE ON tenant_keys FOR EACH STATEMENT EXECUTE FUNCTION app_reject_mutation();

-- The queue is consumed: the integrator deletes what it has given a leaf index, in the same
-- transaction. The platform role may see which tenants have receipts waiting (ids only).
GRANT SELECT, INSERT, DELETE ON ledger_queue TO companyos_app, companyos_platform;
GRANT USAGE ON SEQUENCE ledger_queue_seq_seq TO companyos_app, companyos_platform;
CREATE POLICY ledger_queue_platform_scan ON ledger_queue FOR SELECT TO companyos_platform USING (true);
