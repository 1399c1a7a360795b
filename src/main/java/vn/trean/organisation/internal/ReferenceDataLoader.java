package vn.trean.organisation.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges the administrative units of the shipped files into {@code locality}: adds new units, updates changed
 * ones (keeping what they were in {@code locality_name_history}), retires units a list no longer has and never
 * deletes one, since agencies and cases keep pointing at the unit they were filed under. A load whose files
 * have the checksum of the last load is skipped, so an ordinary restart costs one hash and one query.
 */
@Component
public class ReferenceDataLoader {

    /** Part of the checksum: a change to how files are merged reloads them once. */
    private static final String MERGE_VERSION = "2";
    /** Serialises loads of several nodes starting together. */
    private static final long LOCK_KEY = 0x7472_6561_6e52_4546L;

    private static final String INCOMING = """
            create temp table if not exists locality_incoming (
                list text not null, code text not null, level text not null, name text not null,
                name_en text not null, type text not null, parent_code text, province_code text not null,
                primary key (list, code)
            ) on commit drop""";
    private static final String CHANGED = """
            (l.level, l.name, l.name_en, l.type, l.parent_code, l.province_code)
              is distinct from (i.level, i.name, i.name_en, i.type, i.parent_code, i.province_code)""";
    private static final String KEEP_HISTORY = """
            insert into locality_name_history (list, code, name, name_en, type, parent_code, province_code, valid_until)
            select l.list, l.code, l.name, l.name_en, l.type, l.parent_code, l.province_code, :now
              from locality l join locality_incoming i on i.list = l.list and i.code = l.code
             where """ + CHANGED;
    private static final String UPDATE = """
            update locality l set level = i.level, name = i.name, name_en = i.name_en, type = i.type,
                   parent_code = i.parent_code, province_code = i.province_code
              from locality_incoming i
             where i.list = l.list and i.code = l.code and """ + CHANGED;
    private static final String REVIVE = """
            update locality l set retired_at = null
             where l.retired_at is not null
               and exists (select from locality_incoming i where i.list = l.list and i.code = l.code)""";
    private static final String ADD = """
            insert into locality (list, code, level, name, name_en, type, parent_code, province_code)
            select i.list, i.code, i.level, i.name, i.name_en, i.type, i.parent_code, i.province_code
              from locality_incoming i
             where not exists (select from locality l where l.list = i.list and l.code = i.code)""";
    private static final String RETIRE = """
            update locality l set retired_at = :now
             where l.retired_at is null
               and not exists (select from locality_incoming i where i.list = l.list and i.code = l.code)""";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ReferenceDataLoader(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** What a load did. {@code rows} counts the rows of each file; it is empty when the load was skipped. */
    public record Result(boolean skipped, Map<ReferenceFile, Integer> rows, int added, int renamed, int retired,
                         int revived, long millis) {
    }

    /** Loads the given contents of every reference file (UTF-8 CSV with the header of its kind). */
    @Transactional
    public Result load(Map<ReferenceFile, byte[]> files) {
        long start = System.nanoTime();
        String checksum = checksum(files);
        if (checksum.equals(lastChecksum())) { // the common case, decided without waiting for other nodes
            return new Result(true, Map.of(), 0, 0, 0, 0, millisSince(start));
        }
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query().singleRow();
        if (checksum.equals(lastChecksum())) { // another node loaded the same files meanwhile
            return new Result(true, Map.of(), 0, 0, 0, 0, millisSince(start));
        }
        jdbc.sql(INCOMING).update();
        jdbc.sql("truncate locality_incoming").update();
        Map<ReferenceFile, Integer> rows = new EnumMap<>(ReferenceFile.class);
        StringBuilder copy = new StringBuilder(1 << 20);
        for (ReferenceFile file : ReferenceFile.values()) {
            rows.put(file, appendRows(file, files.get(file), copy));
        }
        copyIn(copy.toString());

        OffsetDateTime now = OffsetDateTime.now();
        int renamed = jdbc.sql(KEEP_HISTORY).param("now", now).update();
        jdbc.sql(UPDATE).update();
        int revived = jdbc.sql(REVIVE).update();
        int added = jdbc.sql(ADD).update();
        int retired = jdbc.sql(RETIRE).param("now", now).update();
        jdbc.sql("""
                        insert into reference_data_load (checksum, loaded_at, added, renamed, retired, revived)
                        values (:checksum, clock_timestamp(), :added, :renamed, :retired, :revived)
                        on conflict (checksum) do update set loaded_at = excluded.loaded_at, added = excluded.added,
                            renamed = excluded.renamed, retired = excluded.retired, revived = excluded.revived""")
                .param("checksum", checksum).param("added", added).param("renamed", renamed)
                .param("retired", retired).param("revived", revived).update();
        return new Result(false, rows, added, renamed, retired, revived, millisSince(start));
    }

    private String lastChecksum() {
        return jdbc.sql("select checksum from reference_data_load order by loaded_at desc limit 1")
                .query(String.class).optional().orElse(null);
    }

    /** Parses one file into the COPY text (CSV), checking its header and the column count of every row. */
    private static int appendRows(ReferenceFile file, byte[] content, StringBuilder copy) {
        if (content == null) {
            throw new IllegalArgumentException("Reference file missing: " + file.fileName());
        }
        List<String> lines = new String(content, StandardCharsets.UTF_8).lines().toList();
        String header = lines.isEmpty() ? "" : lines.get(0).replace("\uFEFF", "").strip();
        if (!header.equals(file.header())) {
            throw new IllegalArgumentException(file.fileName() + ": expected the header '" + file.header()
                    + "' but found '" + header + "'");
        }
        int count = 0;
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.strip().split(",", -1);
            if (columns.length != file.columns()) {
                throw new IllegalArgumentException(file.fileName() + " line " + (n + 1) + ": expected "
                        + file.columns() + " columns, found " + columns.length);
            }
            appendCsvRow(file.asLocality(columns), copy);
            count++;
        }
        return count;
    }

    private static void appendCsvRow(List<String> values, StringBuilder copy) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                copy.append(',');
            }
            String value = values.get(i);
            if (value != null) { // unquoted empty is NULL in COPY's CSV format
                copy.append('"').append(value.replace("\"", "\"\"")).append('"');
            }
        }
        copy.append('\n');
    }

    /** COPY on the transaction's own connection, so that it commits or rolls back with the merge. */
    private void copyIn(String csv) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy locality_incoming (list, code, level, name, name_en, type, parent_code, province_code)
                    from stdin (format csv)""", new StringReader(csv));
        } catch (SQLException e) {
            throw new IllegalStateException("Reference data could not be copied: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    static String checksum(Map<ReferenceFile, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(MERGE_VERSION.getBytes(StandardCharsets.UTF_8));
            for (ReferenceFile file : ReferenceFile.values()) {
                byte[] content = files.getOrDefault(file, new byte[0]);
                sha.update(file.fileName().getBytes(StandardCharsets.UTF_8));
                sha.update(Integer.toString(content.length).getBytes(StandardCharsets.UTF_8));
                sha.update(content);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
