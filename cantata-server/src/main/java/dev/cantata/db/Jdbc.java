package dev.cantata.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Thin JDBC: one statement per call on a pooled connection, parameters bound in order, {@link SQLException} wrapped
 * once into a {@link DataAccessException} that names the operation.
 */
public final class Jdbc {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(String what, String sql, RowMapper<T> mapper, @Nullable Object... args) {
        try (Connection c = connect(what);
                PreparedStatement s = prepare(c, sql, args);
                ResultSet rs = s.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new DataAccessException(
                    what + " failed: " + e.getMessage(), e, DataAccessException.lostConnection(e));
        }
    }

    /** Runs a query that yields at most one row. */
    public <T> Optional<T> queryOne(String what, String sql, RowMapper<T> mapper, @Nullable Object... args) {
        List<T> rows = query(what, sql, mapper, args);
        if (rows.size() > 1) {
            throw new IllegalStateException(what + ": expected at most one row, got " + rows.size());
        }
        return rows.stream().findFirst();
    }

    /** Runs an insert, update or delete and returns the number of rows it touched. */
    public int update(String what, String sql, @Nullable Object... args) {
        try (Connection c = connect(what);
                PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(
                    what + " failed: " + e.getMessage(), e, DataAccessException.lostConnection(e));
        }
    }

    /**
     * A pooled connection, or a {@link DataAccessException} that says the database is out of reach: the pool had none
     * free and could make none within its timeout, or it is closed.
     */
    private Connection connect(String what) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DataAccessException(what + " failed: no database connection: " + e.getMessage(), e, true);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, @Nullable Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }
}
