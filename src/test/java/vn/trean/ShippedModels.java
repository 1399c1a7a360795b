package vn.trean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The models the application ships (bpmn/ and forms/), for tests that deploy versions of them. Every
 * deployment becomes the version other test classes start cases on, so such tests put the shipped
 * models back as the latest when they are done.
 */
public final class ShippedModels {

    public static final String PROCESS = "case_intervention.bpmn";

    private ShippedModels() {
    }

    /** Every shipped model file by file name. */
    public static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        var resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String pattern : List.of("classpath:bpmn/*.bpmn", "classpath:bpmn/*.dmn", "classpath:forms/*.form")) {
                for (Resource resource : resolver.getResources(pattern)) {
                    files.put(resource.getFilename(), resource.getContentAsByteArray());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Whether the latest version of the case process is the shipped one. */
    public static boolean latestIsShipped(RepositoryService repository) {
        var latest = repository.createProcessDefinitionQuery().processDefinitionKey("case_intervention").latestVersion()
                .singleResult();
        try {
            return Arrays.equals(repository.getProcessModel(latest.getId()).readAllBytes(), files().get(PROCESS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
