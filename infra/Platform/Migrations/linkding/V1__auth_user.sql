-- linkding signs users in with Django's auth app: its auth_user table (django.contrib.auth, AbstractUser), which
-- linkding's first migration depends on (sissbruecker/linkding bookmarks/migrations/0001_initial.py, settings.AUTH_USER_MODEL).
CREATE TABLE auth_user (
    id serial PRIMARY KEY,
    password varchar(128) NOT NULL,
    last_login timestamptz NULL,
    is_superuser boolean NOT NULL,
    username varchar(150) NOT NULL UNIQUE,
    first_name varchar(150) NOT NULL,
    last_name varchar(150) NOT NULL,
    email varchar(254) NOT NULL,
    is_staff boolean NOT NULL,
    is_active boolean NOT NULL,
    date_joined timestamptz NOT NULL
);
