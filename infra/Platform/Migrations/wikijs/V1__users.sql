-- Wiki.js 2 users (requarks/wiki server/db/migrations/2.0.0.js, USERS), on PostgreSQL as knex creates them:
-- camelCase column names, quoted; timestamps as strings.
CREATE TABLE users (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL,
    name varchar(255) NOT NULL,
    "providerId" varchar(255),
    password varchar(255),
    "tfaIsActive" boolean NOT NULL DEFAULT false,
    "tfaSecret" varchar(255),
    "jobTitle" varchar(255) DEFAULT '',
    location varchar(255) DEFAULT '',
    "pictureUrl" varchar(255),
    timezone varchar(255) NOT NULL DEFAULT 'America/New_York',
    "isSystem" boolean NOT NULL DEFAULT false,
    "isActive" boolean NOT NULL DEFAULT false,
    "isVerified" boolean NOT NULL DEFAULT false,
    "createdAt" varchar(255) NOT NULL,
    "updatedAt" varchar(255) NOT NULL,
    "providerKey" varchar(255) NOT NULL DEFAULT 'local',
    "localeCode" varchar(5) NOT NULL DEFAULT 'en',
    "defaultEditor" varchar(255) NOT NULL DEFAULT 'markdown',
    UNIQUE ("providerKey", email)
);
