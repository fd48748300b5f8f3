/// The moderation tables, in SQL both engines take (the server's migration adds its
/// identity column and rights). One draw per month.
enum ModerationSchema {
    static let tables = """
        CREATE TABLE moderation_draw (
            id INTEGER PRIMARY KEY,
            month TEXT NOT NULL UNIQUE,
            rule TEXT NOT NULL,
            seed TEXT NOT NULL,
            drawn_at TEXT NOT NULL,
            candidates TEXT NOT NULL,
            files TEXT NOT NULL
        );
        CREATE TABLE moderation_file (
            draw_id INTEGER NOT NULL REFERENCES moderation_draw(id),
            audit_id INTEGER NOT NULL REFERENCES audit(id),
            case_reference TEXT NOT NULL,
            checklist_id TEXT NOT NULL,
            team TEXT,
            auditor_id TEXT NOT NULL,
            moderator_id TEXT,
            unallocated_reason TEXT,
            PRIMARY KEY (draw_id, audit_id)
        );
        CREATE INDEX moderation_file_moderator ON moderation_file (moderator_id);
        """
}
