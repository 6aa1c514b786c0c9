-- The date a revision stands for (requarks/wiki: pageHistory.versionDate, added in the 2.x migrations). The restore
-- drill applies this one only after the restore, as the release that follows it; existing revisions take their
-- creation date, as Wiki.js fills it.
ALTER TABLE "pageHistory" ADD COLUMN "versionDate" varchar(255) NOT NULL DEFAULT '';
UPDATE "pageHistory" SET "versionDate" = "createdAt";
