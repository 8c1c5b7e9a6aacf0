package dev.driftless.examples.flyway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The application code under test in the Flyway example: it issues invoices and lists the open ones. */
public final class InvoiceRepository {

    private final DataSource dataSource;

    /** @param dataSource the application's database */
    public InvoiceRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Issues an invoice in the deployment's currency, creating the customer when new.
     *
     * @param customer the customer's name
     * @param amountCents the amount in cents
     * @return the new invoice's id
     * @throws IllegalStateException when the database refuses the invoice
     */
    public long issue(String customer, int amountCents) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insertCustomer = connection.prepareStatement(
                     "INSERT INTO customer (name) VALUES (?) ON CONFLICT (name) DO NOTHING");
             PreparedStatement insertInvoice = connection.prepareStatement(
                     "INSERT INTO invoice (customer_id, amount_cents)"
                             + " SELECT customer_id, ? FROM customer WHERE name = ? RETURNING invoice_id")) {
            insertCustomer.setString(1, customer);
            insertCustomer.executeUpdate();
            insertInvoice.setInt(1, amountCents);
            insertInvoice.setString(2, customer);
            try (ResultSet rs = insertInvoice.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot issue an invoice to " + customer + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the open invoices as {@code "customer amount currency"}, e.g. {@code "Ada 12000 EUR"}
     * @throws IllegalStateException when the database cannot be read
     */
    public List<String> open() {
        List<String> open = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT customer, amount_cents, currency FROM open_invoice ORDER BY invoice_id");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                open.add(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the open invoices: " + e.getMessage(), e);
        }
        return open;
    }
}
