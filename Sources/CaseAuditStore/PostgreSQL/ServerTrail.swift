import CaseAudit

/// The trail on the server. Clients insert only what was done (action, entity, payload,
/// reason, on whose behalf); a BEFORE INSERT trigger, with the schema owner's rights, fills in
/// the time and the actor (`session_user`, and its person). Since v15 the chain is made by
/// whoever reads it: under a transaction lock, the events that wait are numbered in the order
/// they went in and hashed after the last, over the same canonical bytes as `TrailCanonical`,
/// so one verifier checks either store. UPDATE (but sealing), DELETE and TRUNCATE are refused.
enum ServerTrail {
    /// The advisory lock that orders appends.
    static let lockKey = 7_370_618

    /// A council moved from the embedded store keeps its events as they were: only the schema's
    /// owner (or a superuser) copying, with caseaudit.copying_trail on (PL/pgSQL, in the trigger).
    static let keepsCopiedEvents = """
        IF current_setting('caseaudit.copying_trail', true) = 'on' AND (session_user = (
                SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'trail')
                OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)) THEN
            RETURN NEW;
        END IF;
        """

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
            \(keepsCopiedEvents)
            SELECT t.seq, t.row_hash INTO last FROM public.trail t ORDER BY t.seq DESC LIMIT 1;
            NEW.seq := coalesce(last.seq, 0) + 1;
            NEW.prev_hash := coalesce(last.row_hash, repeat('0', 64));
            NEW.at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
            NEW.actor_login := session_user;
            NEW.actor_id := (SELECT p.id FROM public.person p WHERE p.login = session_user);
            NEW.row_hash := \(hash(of: "NEW", seq: "NEW.seq", prev: "NEW.prev_hash"));
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

    /// An event's `row_hash`: `TrailCanonical`'s bytes written out over the columns of `row`,
    /// numbered `seq` after `prev` (hex). A plain expression is evaluated in place, where a
    /// function call would be planned and run as a query of its own for every event.
    static func hash(of row: String, seq: String, prev: String) -> String {
        let fields = [
            "at", "actor_login", "actor_id", "on_behalf_of", "action", "entity", "entity_id", "payload", "reason",
        ]
        .map { "coalesce(octet_length(\(row).\($0))::text || ':' || \(row).\($0), '-')" }
        return """
            encode(sha256(decode(\(prev), 'hex') || convert_to((octet_length(\(seq)::text)::text || ':' || \(seq)::text)
                || \(fields.joined(separator: "\n        || ")), 'UTF8')), 'hex')
            """
    }

    /// Seals, in the order they were inserted, the events that are not yet in the chain,
    /// leaving the chain's last number and hash in `n` and `h` (PL/pgSQL; the caller holds
    /// the advisory lock, and declares `n BIGINT`, `h TEXT`, `r RECORD`).
    static let sealPending = """
        SELECT t.seq, t.row_hash INTO n, h FROM public.trail t WHERE t.seq IS NOT NULL ORDER BY t.seq DESC LIMIT 1;
        n := coalesce(n, 0);
        h := coalesce(h, repeat('0', 64));
        FOR r IN SELECT * FROM public.trail t WHERE t.seq IS NULL ORDER BY t.id LOOP
            n := n + 1;
            UPDATE public.trail SET seq = n, prev_hash = h, row_hash = \(hash(of: "r", seq: "n", prev: "h"))
                WHERE id = r.id RETURNING row_hash INTO h;
        END LOOP;
        """

    /// What the server writes into every event, whatever the client sent: the time, the actor
    /// (from `session_user`, and the person with that login), and no place in the chain yet
    /// (PL/pgSQL, in the append trigger).
    static let stampsUnsealed = """
        NEW.at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
        NEW.actor_login := session_user;
        NEW.actor_id := (SELECT p.id FROM public.person p WHERE p.login = session_user);
        NEW.seq := NULL;
        NEW.prev_hash := NULL;
        NEW.row_hash := NULL;
        """

    /// The new event takes its place after `n`, `h` (the chain's last number and hash).
    static let sealsNew = """
        NEW.seq := n + 1;
        NEW.prev_hash := h;
        NEW.row_hash := \(hash(of: "NEW", seq: "NEW.seq", prev: "NEW.prev_hash"));
        """

    /// v9: appending no longer waits. v8's trigger took the lock that orders the chain and held
    /// it until the transaction committed, so 200 auditors scoring at once committed one after
    /// another (p99 1.5 s an answer). Now an event takes the lock only if it is free: then it
    /// seals the events waiting and itself; otherwise it goes in unsealed (numbered and hashed
    /// by the next append that takes the lock, or by whoever next reads the head, `log show`,
    /// `log verify`). The chain's order is the order events were sealed; `id` orders those
    /// waiting. A sealed event is never changed; an unsealed one may only be sealed.
    static let sealing = """
        ALTER TABLE trail ADD COLUMN id BIGINT GENERATED BY DEFAULT AS IDENTITY;
        ALTER TABLE trail DROP CONSTRAINT trail_pkey;
        ALTER TABLE trail ADD PRIMARY KEY (id);
        ALTER TABLE trail ALTER COLUMN seq DROP NOT NULL, ALTER COLUMN prev_hash DROP NOT NULL,
            ALTER COLUMN row_hash DROP NOT NULL;
        CREATE UNIQUE INDEX trail_seq ON trail(seq) WHERE seq IS NOT NULL;
        CREATE INDEX trail_unsealed ON trail(id) WHERE seq IS NULL;
        CREATE OR REPLACE FUNCTION trail_append() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $f$
        DECLARE
            n BIGINT;
            h TEXT;
            r RECORD;
        BEGIN
            \(keepsCopiedEvents)
            \(stampsUnsealed)
            IF pg_try_advisory_xact_lock(\(lockKey)) THEN
                \(sealPending)
                \(sealsNew)
            END IF;
            RETURN NEW;
        END $f$;
        -- Seals what waits (waiting for the lock), for whoever reads the chain.
        CREATE FUNCTION caseaudit_trail_seal() RETURNS VOID LANGUAGE plpgsql SECURITY DEFINER AS $f$
        DECLARE
            n BIGINT;
            h TEXT;
            r RECORD;
        BEGIN
            IF EXISTS (SELECT 1 FROM public.trail t WHERE t.seq IS NULL) THEN
                PERFORM pg_advisory_xact_lock(\(lockKey));
                \(sealPending)
            END IF;
        END $f$;
        DROP TRIGGER trail_no_change ON trail;
        CREATE TRIGGER trail_no_removal BEFORE DELETE ON trail FOR EACH ROW EXECUTE FUNCTION trail_refuse();
        CREATE FUNCTION trail_seal_only() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            IF OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.row_hash IS NOT NULL
                AND (NEW.id, NEW.at, NEW.actor_login, NEW.actor_id, NEW.on_behalf_of, NEW.action, NEW.entity,
                     NEW.entity_id, NEW.payload, NEW.reason) IS NOT DISTINCT FROM
                    (OLD.id, OLD.at, OLD.actor_login, OLD.actor_id, OLD.on_behalf_of, OLD.action, OLD.entity,
                     OLD.entity_id, OLD.payload, OLD.reason) THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION 'the trail is append-only: an event cannot be changed or removed' USING ERRCODE = 'CA002';
        END $f$;
        CREATE TRIGGER trail_seal_only BEFORE UPDATE ON trail FOR EACH ROW EXECUTE FUNCTION trail_seal_only();
        CREATE OR REPLACE FUNCTION caseaudit_trail_head(OUT seq BIGINT, OUT row_hash TEXT) LANGUAGE plpgsql VOLATILE
            SECURITY DEFINER SET search_path = public AS $f$
        BEGIN
            PERFORM caseaudit_trail_seal();
            SELECT t.seq, t.row_hash INTO seq, row_hash FROM trail t WHERE t.seq IS NOT NULL ORDER BY t.seq DESC LIMIT 1;
        END $f$;
        """

    /// v11: an append does less. v9's trigger planned and ran, for every event, the query that
    /// asks whether the schema's owner is copying a council in (an executor started over
    /// `pg_tables` even when the setting was off), and opened a cursor over the events waiting
    /// even when none waited. Now the setting alone is looked at first (a plain expression, no
    /// query), and one query reads the chain's head and whether anything waits, so the loop runs
    /// only when something does. The rules are v9's: the same columns, the same lock, the same
    /// order, the same hash.
    static let cheaperAppend = """
        CREATE OR REPLACE FUNCTION trail_append() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $f$
        DECLARE
            n BIGINT;
            h TEXT;
            r RECORD;
            waiting BOOLEAN;
        BEGIN
            IF current_setting('caseaudit.copying_trail', true) = 'on' THEN
                \(keepsCopiedEvents)
            END IF;
            \(stampsUnsealed)
            IF pg_try_advisory_xact_lock(\(lockKey)) THEN
                SELECT last.seq, last.row_hash, EXISTS (SELECT 1 FROM public.trail w WHERE w.seq IS NULL)
                    INTO n, h, waiting
                    FROM (SELECT 1) one LEFT JOIN LATERAL (
                        SELECT t.seq, t.row_hash FROM public.trail t WHERE t.seq IS NOT NULL ORDER BY t.seq DESC LIMIT 1
                    ) last ON true;
                IF waiting THEN
                    \(sealPending)
                END IF;
                n := coalesce(n, 0);
                h := coalesce(h, repeat('0', 64));
                \(sealsNew)
            END IF;
            RETURN NEW;
        END $f$;
        """

    /// v15: the chain is off the answer's path. v11's append sealed the event when the chain's
    /// lock was free, so every answer's commit read the head and hashed (about 40 µs of a
    /// 240 µs statement; a commit with its event took 1.42x one without). Now an append only
    /// stamps its event (the time, the actor, no place in the chain), and whoever next reads
    /// the chain seals, in the order events went in, everything that waits: every command as
    /// it opens the database (the remembered head), `log show`, `log verify`, `log export`,
    /// `audit history` and a report published. Nothing about an event changes while it waits:
    /// an unsealed event may only be sealed (`trail_seal_only`), never changed or removed.
    static let sealedByReaders = """
        CREATE OR REPLACE FUNCTION trail_append() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $f$
        BEGIN
            IF current_setting('caseaudit.copying_trail', true) = 'on' THEN
                \(keepsCopiedEvents)
            END IF;
            \(stampsUnsealed)
            RETURN NEW;
        END $f$;
        """

    /// v19: an event costs its answer's commit less.
    /// - `caseaudit_json` is STABLE, as `to_json` is. Declared IMMUTABLE, it could not be
    ///   written out in place (PostgreSQL inlines a SQL function only when its body is no more
    ///   volatile than it says), so each of an answer's event's three to five fields was a
    ///   function call whose body was parsed and planned again every time. An answer's statement
    ///   with its event took 280–320 µs, and now about 230 µs, against 140–210 µs without an
    ///   event (pgbench, one connection, synchronous_commit off, 20,000 answers, three runs,
    ///   2026-12-06).
    /// - Events are found by entity among the sealed ones only: an event goes in unsealed, so
    ///   the index is written when the event is sealed, by whoever reads the chain (every read
    ///   seals first, and asks for sealed events), not in the commit of the change.
    static let lighterEvent = """
        CREATE OR REPLACE FUNCTION caseaudit_json(v TEXT) RETURNS TEXT LANGUAGE sql STABLE
            AS $f$ SELECT coalesce(to_json(v)::text, 'null') $f$;
        DROP INDEX trail_entity;
        CREATE INDEX trail_entity ON trail(entity, entity_id) WHERE seq IS NOT NULL;
        """

    /// The trail's rights, for `server init` (`lead`, `senior`, `auditor`: the groups): everyone
    /// appends; nobody changes or removes; the trigger and the head functions read as the owner;
    /// a quality lead reads everything, anyone else the events they made and those of the
    /// audits they may see.
    static func rights(lead: String, senior: String, auditor: String) -> String {
        """
        REVOKE ALL ON trail FROM \(lead), \(senior), \(auditor);
        GRANT SELECT, INSERT (action, entity, entity_id, payload, reason, on_behalf_of) ON trail TO \(lead), \(senior), \(auditor);
        GRANT EXECUTE ON FUNCTION caseaudit_trail_seal() TO \(lead), \(senior), \(auditor);
        CREATE POLICY appends ON trail FOR INSERT WITH CHECK (true);
        CREATE POLICY owner_reads ON trail FOR SELECT USING (current_user = (
            SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'trail'));
        CREATE POLICY owner_seals ON trail FOR UPDATE USING (current_user = (
            SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'trail'));
        CREATE POLICY reads_own ON trail FOR SELECT USING (actor_login = session_user
            OR (entity = 'audit' AND caseaudit_sees_audit(entity_id::bigint)));
        """
    }
}
