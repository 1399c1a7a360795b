package vn.trean.organisation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Loads the shipped administrative units at start, before the demo organisation that refers to them. */
@Component
@Order(10)
class ReferenceDataAtStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataAtStart.class);

    private final ReferenceDataLoader loader;

    ReferenceDataAtStart(ReferenceDataLoader loader) {
        this.loader = loader;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        long start = System.nanoTime();
        ReferenceDataLoader.Result result = loader.load(shippedFiles());
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (result.skipped()) {
            log.info("Reference data: unchanged, skipped in {} ms", millis);
            return;
        }
        Map<ReferenceFile, Integer> rows = result.rows();
        log.info("Reference data: {} communes (2025), {} legacy communes, {} legacy districts, {} provinces (2025), "
                        + "{} legacy provinces loaded in {} ms ({} added, {} changed, {} retired, {} back in use)",
                rows.get(ReferenceFile.COMMUNES_2025), rows.get(ReferenceFile.COMMUNES_LEGACY),
                rows.get(ReferenceFile.DISTRICTS_LEGACY), rows.get(ReferenceFile.PROVINCES_2025),
                rows.get(ReferenceFile.PROVINCES_LEGACY), millis, result.added(), result.renamed(), result.retired(),
                result.revived());
    }

    /** The files shipped on the classpath. */
    static Map<ReferenceFile, byte[]> shippedFiles() throws IOException {
        Map<ReferenceFile, byte[]> files = new EnumMap<>(ReferenceFile.class);
        for (ReferenceFile file : ReferenceFile.values()) {
            try (InputStream in = new ClassPathResource(file.classpathLocation()).getInputStream()) {
                files.put(file, in.readAllBytes());
            }
        }
        return files;
    }
}
