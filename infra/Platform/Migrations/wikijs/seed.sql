-- One batch of Wiki.js data at the released schema (V2): an author, 100 pages of about 2 kB with three revisions
-- each, and a tag per page. The restore drill runs it until the database reaches the drill's data size.
WITH author AS (
    INSERT INTO users (email, name, password, "isActive", "isVerified", "createdAt", "updatedAt")
    VALUES ('drill-' || md5(clock_timestamp()::text || random()::text) || '@example.test', 'Drill Author', '!', true, true, now()::text, now()::text)
    RETURNING id
), batch AS (
    SELECT md5(clock_timestamp()::text || random()::text) AS id
), new_pages AS (
    INSERT INTO pages (path, hash, title, description, "isPublished", content, render, "contentType", "createdAt", "updatedAt", "editorKey", "localeCode", "authorId", "creatorId")
    SELECT 'drill/' || batch.id || '/' || p, md5(random()::text), 'Page ' || p, 'A drill page', true,
           repeat(md5(random()::text), 40), NULL, 'markdown', now()::text, now()::text, 'markdown', 'en', author.id, author.id
    FROM author, batch, generate_series(1, 100) AS p
    RETURNING id, path, hash, title, content, "authorId"
), revisions AS (
    INSERT INTO "pageHistory" (path, hash, title, "isPublished", action, "pageId", content, "contentType", "createdAt", "editorKey", "localeCode", "authorId")
    SELECT path, hash, title, true, 'updated', id, left(content, 800), 'markdown', now()::text, 'markdown', 'en', "authorId"
    FROM new_pages, generate_series(1, 3)
), new_tags AS (
    INSERT INTO tags (tag, title, "createdAt", "updatedAt")
    SELECT 'tag-' || id, 'Tag ' || id, now()::text, now()::text FROM new_pages
    RETURNING id, tag
)
INSERT INTO "pageTags" ("pageId", "tagId")
SELECT p.id, t.id FROM new_pages AS p JOIN new_tags AS t ON t.tag = 'tag-' || p.id;
