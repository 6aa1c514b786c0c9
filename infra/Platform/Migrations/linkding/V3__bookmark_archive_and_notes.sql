-- Archived bookmarks and notes (sissbruecker/linkding bookmarks/migrations/0006_bookmark_is_archived.py,
-- 0022_bookmark_notes.py). The restore drill applies this one only after the restore, as the release that follows it.
ALTER TABLE bookmarks_bookmark ADD COLUMN is_archived boolean NOT NULL DEFAULT false;
ALTER TABLE bookmarks_bookmark ADD COLUMN notes text NOT NULL DEFAULT '';
CREATE INDEX bookmarks_bookmark_owner_archived ON bookmarks_bookmark (owner_id, is_archived);
