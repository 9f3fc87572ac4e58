-- A subject purge names the person who created a contract by their pseudonym (ADR 0029). A
-- contract is otherwise written once, so its creator is the one column the app may change, and
-- only to a pseudonym.
GRANT UPDATE (created_by) ON revops_contracts TO companyos_app, companyos_platform;

CREATE FUNCTION app_creator_renamed_by_pseudonym() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.created_by !~ '^pseudonym:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
    RAISE EXCEPTION 'a contract''s creator changes only to a pseudonym' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER revops_contracts_creator_renamed_by_pseudonym BEFORE UPDATE ON revops_contracts
  FOR EACH ROW EXECUTE FUNCTION app_creator_renamed_by_pseudonym();
