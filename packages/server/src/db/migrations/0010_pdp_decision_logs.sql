-- Decisions made outside this server, by a tenant's decision services (packages/pdp), arrive in
-- the same decision log. `source` names the decision service that made one (NULL: this server),
-- `error` holds OPA's error object when its evaluation failed (then `result` is JSON null).
ALTER TABLE policy_decisions ADD COLUMN source text;
ALTER TABLE policy_decisions ADD COLUMN error jsonb;
