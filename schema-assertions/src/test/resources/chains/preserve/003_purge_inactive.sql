DELETE FROM person WHERE status = 'Inactive';
