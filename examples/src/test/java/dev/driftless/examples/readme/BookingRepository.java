package dev.driftless.examples.readme;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The application code under test in README.md's example: it books a party, creating the party when new. */
public final class BookingRepository {

    private final DataSource dataSource;

    /** @param dataSource the application's database */
    public BookingRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Books a party.
     *
     * @param party the party's name
     * @param startsAt when the booking starts, as an ISO-8601 instant
     * @return the new booking's id
     * @throws IllegalStateException when the database refuses the booking
     */
    public long create(String party, String startsAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insertParty = connection.prepareStatement(
                     "INSERT INTO party (name) VALUES (?) ON CONFLICT (name) DO NOTHING");
             PreparedStatement insertBooking = connection.prepareStatement(
                     "INSERT INTO booking (party_id, starts_at)"
                             + " SELECT party_id, ?::timestamptz FROM party WHERE name = ? RETURNING booking_id")) {
            insertParty.setString(1, party);
            insertParty.executeUpdate();
            insertBooking.setString(1, startsAt);
            insertBooking.setString(2, party);
            try (ResultSet rs = insertBooking.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot book " + party + " at " + startsAt + ": " + e.getMessage(), e);
        }
    }
}
