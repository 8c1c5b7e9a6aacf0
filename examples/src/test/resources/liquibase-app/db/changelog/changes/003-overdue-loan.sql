--liquibase formatted sql

--changeset tom:overdue-loan-view
-- What the reminder job reads.
CREATE VIEW overdue_loan AS
SELECT l.id, m.name AS member, l.title, l.due_on, l.late_fee_currency
FROM loan l
JOIN member m ON m.id = l.member_id
WHERE l.returned_on IS NULL AND l.due_on < current_date;
--rollback DROP VIEW overdue_loan;
