import CaseAudit

/// The trail on the server. Clients insert only what was done (action, entity, payload,
/// reason, on whose behalf); a BEFORE INSERT trigger, with the schema owner's rights, takes a
/// transaction lock (so events are numbered in commit order), reads the last event and fills
/// in the number, the time, the actor (`session_user`, and its person) and both hashes, over
/// the same canonical bytes as `TrailCanonical`, so one verifier checks
/// either store. UPDATE, DELETE and TRUNCATE are refused.
enum ServerTrail {
    /// The advisory lock that orders appends.
    static let lockKey = 7_370_618

    static let schema = """
        \(TrailTable.create(numberType: "BIGINT", indexed: true))
        -- A JSON string as TrailJSON writes it (null for a missing value).
        CREATE FUNCTION caseaudit_json(v TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE
            AS $f$ SELECT coalesce(to_json(v)::text, 'null') $f$;
        -- No SET search_path (it costs every call a configuration change): every name is
        -- qualified, and pg_catalog is searched first.
        CREATE FUNCTION trail_append() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $f$
        DECLARE
            last RECORD;
        BEGIN
            PERFORM pg_advisory_xact_lock(\(lockKey));
            -- A council moved from the embedded store keeps its events as they were: only the
            -- schema's owner (or a superuser) copying, with caseaudit.copying_trail on.
            IF current_setting('caseaudit.copying_trail', true) = 'on' AND (session_user = (
                    SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'trail')
                    OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)) THEN
                RETURN NEW;
            END IF;
            SELECT t.seq, t.row_hash INTO last FROM public.trail t ORDER BY t.seq DESC LIMIT 1;
            NEW.seq := coalesce(last.seq, 0) + 1;
            NEW.prev_hash := coalesce(last.row_hash, repeat('0', 64));
            NEW.at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
            NEW.actor_login := session_user;
            NEW.actor_id := (SELECT p.id FROM public.person p WHERE p.login = session_user);
            -- TrailCanonical's bytes written out: a plain expression is evaluated in place, where
            -- a function call would be planned and run as a query of its own for every event.
            NEW.row_hash := encode(sha256(decode(NEW.prev_hash, 'hex') || convert_to(
                (octet_length(NEW.seq::text)::text || ':' || NEW.seq::text) || coalesce(octet_length(NEW.at)::text || ':' || NEW.at, '-')
                || coalesce(octet_length(NEW.actor_login)::text || ':' || NEW.actor_login, '-')
                || coalesce(octet_length(NEW.actor_id)::text || ':' || NEW.actor_id, '-')
                || coalesce(octet_length(NEW.on_behalf_of)::text || ':' || NEW.on_behalf_of, '-')
                || coalesce(octet_length(NEW.action)::text || ':' || NEW.action, '-')
                || coalesce(octet_length(NEW.entity)::text || ':' || NEW.entity, '-')
                || coalesce(octet_length(NEW.entity_id)::text || ':' || NEW.entity_id, '-')
                || coalesce(octet_length(NEW.payload)::text || ':' || NEW.payload, '-')
                || coalesce(octet_length(NEW.reason)::text || ':' || NEW.reason, '-'), 'UTF8')), 'hex');
            RETURN NEW;
        END $f$;
        CREATE TRIGGER trail_append BEFORE INSERT ON trail FOR EACH ROW EXECUTE FUNCTION trail_append();
        CREATE FUNCTION trail_refuse() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            RAISE EXCEPTION 'the trail is append-only: an event cannot be changed or removed' USING ERRCODE = 'CA002';
        END $f$;
        CREATE TRIGGER trail_no_change BEFORE UPDATE OR DELETE ON trail FOR EACH ROW EXECUTE FUNCTION trail_refuse();
        CREATE TRIGGER trail_no_truncate BEFORE TRUNCATE ON trail FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
        -- The head, and one event's hash, for every client, whatever rows it may read: each
        -- remembers the head it last saw.
        CREATE FUNCTION caseaudit_trail_head(OUT seq BIGINT, OUT row_hash TEXT) LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public AS $f$ SELECT t.seq, t.row_hash FROM trail t ORDER BY t.seq DESC LIMIT 1 $f$;
        CREATE FUNCTION caseaudit_trail_hash_at(wanted BIGINT) RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public AS $f$ SELECT t.row_hash FROM trail t WHERE t.seq = wanted $f$;
        -- The counts of what was there before the trail began, when anything was.
        DO $d$ BEGIN
            IF \(TrailBeginning.tables.map { "(SELECT count(*) FROM \($0.1))" }.joined(separator: " + ")) > 0 THEN
                INSERT INTO trail (action, entity, payload) VALUES ('\(TrailAction.trailBegan.rawValue)', '\(TrailEntity.trail.rawValue)',
                    '{' || \(TrailBeginning.tables.enumerated().map { "'\($0.offset == 0 ? "" : ",")\"\($0.element.0)\":' || (SELECT count(*) FROM \($0.element.1))" }.joined(separator: " || ")) || '}');
            END IF;
        END $d$;
        """

    /// The trail's rights, for `server init` (`lead`, `senior`, `auditor`: the groups): everyone
    /// appends; nobody changes or removes; the trigger and the head functions read as the owner;
    /// a quality lead reads everything, anyone else the events they made and those of the
    /// audits they may see.
    static func rights(lead: String, senior: String, auditor: String) -> String {
        """
        REVOKE ALL ON trail FROM \(lead), \(senior), \(auditor);
        GRANT SELECT, INSERT (action, entity, entity_id, payload, reason, on_behalf_of) ON trail TO \(lead), \(senior), \(auditor);
        CREATE POLICY appends ON trail FOR INSERT WITH CHECK (true);
        CREATE POLICY owner_reads ON trail FOR SELECT USING (current_user = (
            SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'trail'));
        CREATE POLICY reads_own ON trail FOR SELECT USING (actor_login = session_user
            OR (entity = 'audit' AND caseaudit_sees_audit(entity_id::bigint)));
        """
    }
}
