package dev.driftless.examples.liquibase;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The application code under test in the Liquibase example: it lends books to members and lists the overdue ones. */
public final class LoanRepository {

    private final DataSource dataSource;

    /** @param dataSource the application's database */
    public LoanRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Lends a book to a member.
     *
     * @param member the member's name
     * @param title the book's title
     * @param dueOn when the book must be back
     * @return the new loan's id
     * @throws IllegalStateException when the database refuses the loan, e.g. for an unknown member
     */
    public long lend(String member, String title, LocalDate dueOn) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO loan (member_id, title, due_on)"
                             + " SELECT id, ?, ? FROM member WHERE name = ? RETURNING id")) {
            insert.setString(1, title);
            insert.setDate(2, Date.valueOf(dueOn));
            insert.setString(3, member);
            try (ResultSet rs = insert.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Cannot lend " + title + ": no member " + member);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lend " + title + " to " + member + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the overdue loans as {@code "member: title (fee currency)"}, e.g. {@code "Ada: Dune (EUR)"}
     * @throws IllegalStateException when the database cannot be read
     */
    public List<String> overdue() {
        List<String> overdue = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT member, title, late_fee_currency FROM overdue_loan ORDER BY id");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                overdue.add(rs.getString(1) + ": " + rs.getString(2) + " (" + rs.getString(3) + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the overdue loans: " + e.getMessage(), e);
        }
        return overdue;
    }
}
