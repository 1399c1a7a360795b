package vn.trean.organisation.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the administrative units (GSO codes, both lists) shipped under {@code reference/} once. The
 * slice shipped is the demo province; a deployment replaces the files with the whole country.
 */
@Component
@Order(10)
class ReferenceDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);
    private static final String INSERT = """
            insert into locality (list, code, level, name, name_en, type, parent_code, province_code)
            values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""";

    private final JdbcTemplate jdbc;

    ReferenceDataLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        // province files: code,name,name_en,type
        for (String[] r : read("reference/provinces-2025.csv")) {
            rows.add(new Object[] {"V2025", r[0], "PROVINCE", r[1], r[2], r[3], null, r[0]});
        }
        for (String[] r : read("reference/provinces-legacy.csv")) {
            rows.add(new Object[] {"LEGACY", r[0], "PROVINCE", r[1], r[2], r[3], null, r[0]});
        }
        // code,name,name_en,type,province_code
        for (String[] r : read("reference/communes-2025-01.csv")) {
            rows.add(new Object[] {"V2025", r[0], "COMMUNE", r[1], r[2], r[3], r[4], r[4]});
        }
        for (String[] r : read("reference/districts-legacy-01.csv")) {
            rows.add(new Object[] {"LEGACY", r[0], "DISTRICT", r[1], r[2], r[3], r[4], r[4]});
        }
        // code,name,name_en,type,district_code,province_code
        for (String[] r : read("reference/communes-legacy-01.csv")) {
            rows.add(new Object[] {"LEGACY", r[0], "COMMUNE", r[1], r[2], r[3], r[4], r[5]});
        }
        int added = 0;
        for (int[] batch : jdbc.batchUpdate(INSERT, rows, 500, (ps, row) -> {
            for (int i = 0; i < row.length; i++) {
                ps.setObject(i + 1, row[i]);
            }
        })) {
            for (int n : batch) {
                added += Math.max(n, 0);
            }
        }
        if (added > 0) {
            log.info("Loaded {} administrative units", added);
        }
    }

    private static List<String[]> read(String path) throws IOException {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        }
    }
}
