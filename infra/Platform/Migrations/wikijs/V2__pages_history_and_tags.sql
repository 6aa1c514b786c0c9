-- Wiki.js 2 pages, their revisions (pageHistory) and tags (requarks/wiki server/db/migrations/2.0.0.js: PAGES,
-- PAGE HISTORY, TAGS, PAGE TAGS).
CREATE TABLE pages (
    id serial PRIMARY KEY,
    path varchar(255) NOT NULL,
    hash varchar(255) NOT NULL,
    title varchar(255) NOT NULL,
    description varchar(255),
    "isPrivate" boolean NOT NULL DEFAULT false,
    "isPublished" boolean NOT NULL DEFAULT false,
    "privateNS" varchar(255),
    "publishStartDate" varchar(255),
    "publishEndDate" varchar(255),
    content text,
    render text,
    toc json,
    "contentType" varchar(255) NOT NULL,
    "createdAt" varchar(255) NOT NULL,
    "updatedAt" varchar(255) NOT NULL,
    "editorKey" varchar(255),
    "localeCode" varchar(5),
    "authorId" integer REFERENCES users (id),
    "creatorId" integer REFERENCES users (id)
);

CREATE TABLE "pageHistory" (
    id serial PRIMARY KEY,
    path varchar(255) NOT NULL,
    hash varchar(255) NOT NULL,
    title varchar(255) NOT NULL,
    description varchar(255),
    "isPrivate" boolean NOT NULL DEFAULT false,
    "isPublished" boolean NOT NULL DEFAULT false,
    "publishStartDate" varchar(255),
    "publishEndDate" varchar(255),
    action varchar(255) DEFAULT 'updated',
    "pageId" integer REFERENCES pages (id) ON DELETE CASCADE,
    content text,
    "contentType" varchar(255) NOT NULL,
    "createdAt" varchar(255) NOT NULL,
    "editorKey" varchar(255),
    "localeCode" varchar(5),
    "authorId" integer REFERENCES users (id)
);
CREATE INDEX "pageHistory_pageId" ON "pageHistory" ("pageId");

CREATE TABLE tags (
    id serial PRIMARY KEY,
    tag varchar(255) NOT NULL UNIQUE,
    title varchar(255),
    "createdAt" varchar(255) NOT NULL,
    "updatedAt" varchar(255) NOT NULL
);

CREATE TABLE "pageTags" (
    id serial PRIMARY KEY,
    "pageId" integer REFERENCES pages (id) ON DELETE CASCADE,
    "tagId" integer REFERENCES tags (id) ON DELETE CASCADE
);
