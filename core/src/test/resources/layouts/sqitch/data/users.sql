-- sample data for demos: psql -f data/users.sql
SELECT flipr.insert_user('theory', 'omg');
SELECT flipr.insert_user('strongrrl', 'wtf');
