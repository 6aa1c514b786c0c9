-- Bookmarks and tags as linkding's Django models create them: Bookmark (sissbruecker/linkding
-- bookmarks/migrations/0001_initial.py), Tag and the bookmark-tag many-to-many (0002_auto_20190629_2303.py).
CREATE TABLE bookmarks_bookmark (
    id serial PRIMARY KEY,
    url varchar(200) NOT NULL,
    title varchar(512) NOT NULL,
    description text NOT NULL,
    website_title varchar(512) NOT NULL,
    website_description text NOT NULL,
    unread boolean NOT NULL DEFAULT true,
    date_added timestamptz NOT NULL,
    date_modified timestamptz NOT NULL,
    date_accessed timestamptz NULL,
    owner_id integer NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE
);
CREATE INDEX bookmarks_bookmark_owner_id ON bookmarks_bookmark (owner_id);

CREATE TABLE bookmarks_tag (
    id serial PRIMARY KEY,
    name varchar(64) NOT NULL,
    date_added timestamptz NOT NULL,
    owner_id integer NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE
);
CREATE INDEX bookmarks_tag_owner_id ON bookmarks_tag (owner_id);

CREATE TABLE bookmarks_bookmark_tags (
    id serial PRIMARY KEY,
    bookmark_id integer NOT NULL REFERENCES bookmarks_bookmark (id) ON DELETE CASCADE,
    tag_id integer NOT NULL REFERENCES bookmarks_tag (id) ON DELETE CASCADE,
    UNIQUE (bookmark_id, tag_id)
);
CREATE INDEX bookmarks_bookmark_tags_tag_id ON bookmarks_bookmark_tags (tag_id);
