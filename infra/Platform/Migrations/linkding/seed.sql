-- One batch of linkding data at the released schema (V2): a user, 20 tags and 500 bookmarks of about 1 kB, each
-- tagged twice. The restore drill runs it until the database reaches the drill's data size.
WITH owner AS (
    INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, is_staff, is_active, date_joined)
    VALUES ('!', false, 'drill-' || md5(clock_timestamp()::text || random()::text), 'Drill', 'User', 'drill@example.test', false, true, now())
    RETURNING id
), tags AS (
    INSERT INTO bookmarks_tag (name, date_added, owner_id)
    SELECT 'tag-' || t, now(), owner.id FROM owner, generate_series(1, 20) AS t
    RETURNING id, owner_id
), bookmarks AS (
    INSERT INTO bookmarks_bookmark (url, title, description, website_title, website_description, unread, date_added, date_modified, owner_id)
    SELECT 'https://example.test/' || b, 'Bookmark ' || b, repeat(md5(random()::text), 24), 'Example ' || b, md5(random()::text), b % 3 = 0, now(), now(), owner.id
    FROM owner, generate_series(1, 500) AS b
    RETURNING id
)
INSERT INTO bookmarks_bookmark_tags (bookmark_id, tag_id)
SELECT b.id, t.id
FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM bookmarks) AS b
JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM tags) AS t ON t.n IN (b.n % 20 + 1, (b.n + 7) % 20 + 1);
