-- Retort's SQL console: these statements run on Limbo, a SQLite-compatible
-- engine compiled to WebAssembly, right here in your browser tab.
-- Press Ctrl-Enter (Cmd-Enter on a Mac) or Run.

CREATE TABLE user_account (
    id INTEGER PRIMARY KEY,
    name VARCHAR(30) NOT NULL UNIQUE,
    fullname VARCHAR
);

INSERT INTO user_account (name, fullname) VALUES
    ('spongebob', 'Spongebob Squarepants'),
    ('sandy', 'Sandy Cheeks'),
    ('patrick', NULL);

SELECT id, name, fullname FROM user_account ORDER BY name;
