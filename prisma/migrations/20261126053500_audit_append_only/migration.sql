-- Audit events are append-only: the database itself refuses to update or delete them, whatever
-- the code path (an organization that has audit events cannot be deleted either).
CREATE FUNCTION fenceline_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent rows are append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION fenceline_audit_append_only();
